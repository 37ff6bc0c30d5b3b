package io.opsflow.example;

import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;

/**
 * docs/adding-a-process.md, step 4: what each step of the expense claim records, called by method
 * expression ({@code ${expenseSteps.recordDecision(task)}}). The decisions map stands for the
 * entity a real package keeps in JPA. Public because the expression language calls it.
 */
public class ExpenseSteps {

  /** Claim id to what was decided on it: {@code approve: comment} or {@code reject: comment}. */
  final Map<Long, String> decisions = new HashMap<>();

  /** "Approve expense" completed: takes the form's fields into the claim and sets the gateway's flag. */
  public void recordDecision(DelegateTask task) {
    boolean approved = ExpenseClaim.APPROVE.equals(take(task, ExpenseClaim.FORM_DECISION));
    Long claimId = (Long) task.getVariable(ExpenseClaim.VAR_CLAIM_ID);
    decisions.put(claimId, (approved ? "approve: " : "reject: ") + take(task, ExpenseClaim.FORM_COMMENT));
    task.getExecution().setVariable(ExpenseClaim.VAR_APPROVED, approved);
  }

  private static Object take(DelegateTask task, String field) {
    Object value = task.getVariable(field);
    task.removeVariable(field);
    return value;
  }
}
