package io.opsflow.example;

import io.opsflow.platform.OpsflowGroups;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;

/**
 * docs/adding-a-process.md, step 2: the names an expense claim's BPMN and Java share. The model
 * itself (step 1) is built here with the model API; a real process is a file in {@code processes/}.
 */
final class ExpenseClaim {

  static final String PROCESS_KEY = "Process_ExpenseClaim";
  /** The business id; also the business key. */
  static final String VAR_CLAIM_ID = "claimId";
  /** Gateway flag, set by {@link ExpenseSteps#recordDecision}: the claim is approved. */
  static final String VAR_APPROVED = "approved";
  /** "Approve expense" form: {@link #APPROVE} or {@code reject}; taken into the claim, then removed. */
  static final String FORM_DECISION = "decision";
  static final String FORM_COMMENT = "comment";
  static final String APPROVE = "approve";
  static final String TASK_APPROVE_EXPENSE = "Task_ApproveExpense";
  static final String END_PAID = "EndEvent_ExpensePaid";
  static final String END_REJECTED = "EndEvent_ExpenseRejected";

  private ExpenseClaim() {}

  static BpmnModelInstance model() {
    return Bpmn.createExecutableProcess(PROCESS_KEY).name("Expense claim").camundaHistoryTimeToLive(30)
        .startEvent("StartEvent_ExpenseSubmitted").name("Expense submitted")
        .userTask(TASK_APPROVE_EXPENSE).name("Approve expense").camundaCandidateGroups(OpsflowGroups.FINANCE)
        .camundaTaskListenerExpression("complete", "${expenseSteps.recordDecision(task)}")
        .exclusiveGateway("Gateway_ExpenseApproved").name("Expense approved?")
        .condition("yes", "${" + VAR_APPROVED + "}").endEvent(END_PAID).name("Expense paid")
        .moveToLastGateway()
        .condition("no", "${not " + VAR_APPROVED + "}").endEvent(END_REJECTED).name("Expense rejected")
        .done();
  }
}
