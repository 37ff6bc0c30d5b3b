package io.opsflow.versions;

import java.util.Set;
import org.camunda.bpm.cockpit.plugin.spi.impl.AbstractCockpitPlugin;

/**
 * The administrators' screens in Cockpit (a Cockpit CE plugin, found through
 * {@code META-INF/services}): a "Versions" tab on a process (running instances per version, dry
 * run, migrate with a reason) and a "Repair" tab on an instance (move to a step, retry, with a
 * reason). Its script is {@code plugin-webapp/opsflowVersions/app/plugin.js}; its REST resource
 * {@link VersionsCockpitResource}.
 */
public class VersionsCockpitPlugin extends AbstractCockpitPlugin {

  static final String ID = "opsflowVersions";

  @Override
  public String getId() {
    return ID;
  }

  @Override
  public Set<Class<?>> getResourceClasses() {
    return Set.of(VersionsCockpitResource.class);
  }
}
