package io.opsflow.clients;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsflow.OpsflowSpringTest;
import io.opsflow.versions.Parcels;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An administrator changes running work in Cockpit, through Opsflow's plugin: migrates a process's
 * instances to its newest version after a dry run, and moves a stuck instance to another step,
 * each with a reason; a manager who is no administrator is refused.
 */
@OpsflowSpringTest
class CockpitRepairIT {

  @RegisterExtension
  static final Browser browser = new Browser();

  @Autowired ProcessEngine engine;
  @Autowired HistoryService historyService;

  @Test
  void adminMigratesAfterADryRunAndMovesAStuckInstance() {
    Parcels parcels = new Parcels(engine).deploy(Parcels.V1);
    String packing = parcels.waitingAt("Task_PackOrder");
    String checkingCredit = parcels.waitingAt("Task_CheckCredit");
    parcels.deploy(Parcels.V2);
    CockpitRepair cockpit = new CockpitRepair(browser);
    new Cockpit(browser).logIn("admin");

    cockpit.openVersions(definition(parcels, 2));

    assertThat(cockpit.runningIn(1)).isEqualTo(2);
    assertThat(cockpit.dryRun()).isOne();
    assertThat(cockpit.blockedReason(checkingCredit)).startsWith("waits in step 'Check credit'");
    assertThat(cockpit.migrate("Picking and packing are one step now")).startsWith("Migrated now: 1.");
    assertThat(parcels.versionOf(packing)).isEqualTo(2);
    assertThat(parcels.task(packing).getTaskDefinitionKey()).isEqualTo("Task_PickAndPack");

    cockpit.openRepair(checkingCredit);

    assertThat(cockpit.moveTo("Task_PackOrder", "Credit checks are dropped")).isEqualTo("Now in: Pack order");
    assertThat(parcels.task(checkingCredit).getTaskDefinitionKey()).isEqualTo("Task_PackOrder");
    assertThat(historyService.createUserOperationLogQuery().processInstanceId(checkingCredit).list())
        .anySatisfy(entry -> {
          assertThat(entry.getUserId()).isEqualTo("admin");
          assertThat(entry.getAnnotation()).isEqualTo("Credit checks are dropped");
        });
  }

  @Test
  void aManagerWhoIsNoAdministratorIsRefused() {
    Parcels parcels = new Parcels(engine).deploy(Parcels.V1);
    String checking = parcels.waitingAt("Task_CheckOrder");
    CockpitRepair cockpit = new CockpitRepair(browser);
    new Cockpit(browser).logIn("olivia");

    cockpit.openRepair(checking);

    assertThat(cockpit.refusal()).contains("for administrators (camunda-admin) only");
  }

  private String definition(Parcels parcels, int version) {
    return engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(parcels.key)
        .processDefinitionVersion(version).singleResult().getId();
  }
}
