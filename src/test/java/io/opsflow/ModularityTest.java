package io.opsflow;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The packages below {@code io.opsflow} are modules (Spring Modulith): each uses of another only
 * what that one exposes, and no two depend on each other in a cycle. The module documentation
 * (one diagram of all modules, one canvas per module) is written to
 * {@code target/spring-modulith-docs}; {@code docs/platform.md} shows the diagram.
 */
class ModularityTest {

  static final ApplicationModules MODULES = ApplicationModules.of(OpsflowApplication.class);

  @Test
  void modulesKeepTheirBoundaries() {
    MODULES.verify();
  }

  @Test
  void writesTheModuleDocumentation() {
    new Documenter(MODULES).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml().writeModuleCanvases();
  }
}
