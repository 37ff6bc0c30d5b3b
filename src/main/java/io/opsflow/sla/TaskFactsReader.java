package io.opsflow.sla;

import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/** Collects the {@link TaskFacts} of a task from the engine. */
@Component
class TaskFactsReader {

  private final RepositoryService repositoryService;
  private final TaskService taskService;

  TaskFactsReader(RepositoryService repositoryService, TaskService taskService) {
    this.repositoryService = repositoryService;
    this.taskService = taskService;
  }

  TaskFacts read(Task task, String businessKey) {
    return facts(task.getId(), task.getName(), task.getProcessDefinitionId(), businessKey, task.getDueDate(),
        task.getAssignee(), taskService.getIdentityLinksForTask(task.getId()));
  }

  /** For task listeners: the task as it is being created or assigned. */
  TaskFacts read(DelegateTask task) {
    return facts(task.getId(), task.getName(), task.getProcessDefinitionId(), task.getExecution().getProcessBusinessKey(),
        task.getDueDate(), task.getAssignee(), task.getCandidates());
  }

  private TaskFacts facts(String id, String name, String processDefinitionId, String businessKey, Date due,
      String assignee, Collection<? extends IdentityLink> links) {
    List<IdentityLink> candidates = links.stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType())).map(IdentityLink.class::cast).toList();
    ProcessDefinition process = repositoryService.getProcessDefinition(processDefinitionId); // from the engine's cache
    return new TaskFacts(id, name, process.getKey(), process.getName() != null ? process.getName() : process.getKey(),
        businessKey, due, assignee,
        candidates.stream().map(IdentityLink::getGroupId).filter(Objects::nonNull).sorted().toList(),
        candidates.stream().map(IdentityLink::getUserId).filter(Objects::nonNull).sorted().toList());
  }
}
