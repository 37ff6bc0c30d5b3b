package io.opsflow.sla;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.beans.factory.ObjectProvider;

/** Built into every user task by {@link SlaParseListener}: hands create and assignment to {@link TaskArrival}. */
class TaskArrivalListener implements TaskListener {

  /** Looked up when a task arrives: the engine is built before the services it needs exist. */
  private final ObjectProvider<TaskArrival> arrival;

  TaskArrivalListener(ObjectProvider<TaskArrival> arrival) {
    this.arrival = arrival;
  }

  @Override
  public void notify(DelegateTask task) {
    switch (task.getEventName()) {
      case EVENTNAME_CREATE -> arrival.getObject().created(task);
      case EVENTNAME_ASSIGNMENT -> arrival.getObject().assigned(task);
      default -> { }
    }
  }
}
