package io.opsflow.sla;

import io.opsflow.platform.WorkingCalendar;
import java.util.Date;
import java.util.Objects;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.calendar.DueDateBusinessCalendar;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;

/**
 * When an SLA step of a task is due, as the date of its timer: the task's own due date (the one
 * source of the SLA), for the escalation plus the grace period on the working calendar. Evaluated
 * when the task starts, in its scope, from the due-date expression like the due date itself; for a
 * task that exists already, from the due date it has: a task migrated from a version whose ladder was
 * drawn gets its timers there, due when its drawn timers were, never counted from the migration.
 */
final class SlaDeadline implements Expression {

  private final Expression dueDate;
  private final GracePeriod gracePeriod;
  private final WorkingCalendar calendar;

  private SlaDeadline(Expression dueDate, GracePeriod gracePeriod, WorkingCalendar calendar) {
    this.dueDate = dueDate;
    this.gracePeriod = gracePeriod;
    this.calendar = calendar;
  }

  static SlaDeadline reminder(Expression dueDate, WorkingCalendar calendar) {
    return new SlaDeadline(dueDate, null, calendar);
  }

  static SlaDeadline escalation(Expression dueDate, GracePeriod gracePeriod, WorkingCalendar calendar) {
    return new SlaDeadline(dueDate, gracePeriod, calendar);
  }

  @Override
  public Object getValue(VariableScope scope) {
    Date due = dueDateOfExistingTask(scope).orElseGet(() -> asDate(dueDate.getValue(scope)));
    return gracePeriod == null ? due : Date.from(gracePeriod.after(due.toInstant(), calendar));
  }

  /** The due date of the task in this scope, if it exists already (a task's scope starts before its task). */
  private static Optional<Date> dueDateOfExistingTask(VariableScope scope) {
    return scope instanceof ExecutionEntity execution
        ? execution.getTasks().stream().map(TaskEntity::getDueDate).filter(Objects::nonNull).findFirst()
        : Optional.empty();
  }

  /** A date, or text as the engine reads a task's due date (ISO date-time or duration). */
  private Date asDate(Object value) {
    if (value instanceof Date date) {
      return date;
    }
    if (value instanceof String text) {
      return new DueDateBusinessCalendar().resolveDuedate(text);
    }
    throw new ProcessEngineException("the SLA's due date " + dueDate.getExpressionText() + " gave "
        + (value == null ? "nothing" : "'" + value + "'") + ", not a date");
  }

  @Override
  public void setValue(Object value, VariableScope scope) {
    throw new UnsupportedOperationException("an SLA deadline is read only");
  }

  /** Shown as the timer's job configuration (Cockpit's job definitions). */
  @Override
  public String getExpressionText() {
    return gracePeriod == null ? "SLA reminder at " + dueDate.getExpressionText()
        : "SLA escalation " + gracePeriod.text() + " after " + dueDate.getExpressionText();
  }

  @Override
  public boolean isLiteralText() {
    return false;
  }
}
