package io.opsflow.example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import io.opsflow.platform.OpsflowGroups;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * docs/adding-a-process.md, step 10, followed once: the expense claim on a plain engine (no
 * Spring), its steps bean registered under the name its expressions use.
 */
class ExpenseClaimProcessTest {

  final ExpenseSteps steps = new ExpenseSteps();
  ProcessEngine engine;

  @BeforeEach
  void engine() {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
        .createStandaloneInMemProcessEngineConfiguration()
        .setJdbcUrl("jdbc:h2:mem:expense-" + UUID.randomUUID())
        .setProcessEngineName("expense-" + UUID.randomUUID())
        .setJobExecutorActivate(false);
    configuration.setBeans(Map.of("expenseSteps", steps));
    engine = configuration.buildProcessEngine();
    engine.getRepositoryService().createDeployment().addModelInstance("expense-claim.bpmn", ExpenseClaim.model()).deploy();
    init(engine);
  }

  @AfterEach
  void close() {
    engine.close();
  }

  @Test
  void anApprovedClaimIsPaid() {
    ProcessInstance claim = submit(7L);
    assertThat(claim).isWaitingAt(ExpenseClaim.TASK_APPROVE_EXPENSE).task().hasCandidateGroup(OpsflowGroups.FINANCE);

    complete(task(), Map.of(ExpenseClaim.FORM_DECISION, ExpenseClaim.APPROVE, ExpenseClaim.FORM_COMMENT, "receipt attached"));

    assertThat(claim).isEnded().hasPassed(ExpenseClaim.END_PAID);
    assertThat(steps.decisions).containsEntry(7L, "approve: receipt attached");
  }

  @Test
  void aRejectedClaimEndsRejectedAndTheProcessKeepsOnlyTheFlag() {
    ProcessInstance claim = submit(8L);

    complete(task(claim), Map.of(ExpenseClaim.FORM_DECISION, "reject", ExpenseClaim.FORM_COMMENT, "no receipt"));

    assertThat(claim).isEnded().hasPassed(ExpenseClaim.END_REJECTED).variables()
        .containsOnlyKeys(ExpenseClaim.VAR_CLAIM_ID, ExpenseClaim.VAR_APPROVED)
        .containsEntry(ExpenseClaim.VAR_APPROVED, false);
    assertThat(steps.decisions).containsEntry(8L, "reject: no receipt");
  }

  private ProcessInstance submit(long claimId) {
    return engine.getRuntimeService().startProcessInstanceByKey(ExpenseClaim.PROCESS_KEY, Long.toString(claimId),
        Map.of(ExpenseClaim.VAR_CLAIM_ID, claimId));
  }
}
