package io.opsflow.sla;

import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
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
    List<IdentityLink> candidates = taskService.getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType())).toList();
    return new TaskFacts(task.getId(), task.getName(), processName(task.getProcessDefinitionId()), businessKey,
        task.getDueDate(), task.getAssignee(),
        candidates.stream().map(IdentityLink::getGroupId).filter(id -> id != null).sorted().toList(),
        candidates.stream().map(IdentityLink::getUserId).filter(id -> id != null).sorted().toList());
  }

  String processName(String processDefinitionId) {
    ProcessDefinition definition = processDefinition(processDefinitionId);
    return definition.getName() != null ? definition.getName() : definition.getKey();
  }

  String processKey(String processDefinitionId) {
    return processDefinition(processDefinitionId).getKey();
  }

  /** From the engine's deployment cache, so cheap to call per task. */
  private ProcessDefinition processDefinition(String processDefinitionId) {
    return repositoryService.getProcessDefinition(processDefinitionId);
  }
}
