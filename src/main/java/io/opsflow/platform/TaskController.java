package io.opsflow.platform;

import java.util.Date;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The logged-in user's tasks, for integrations that do not use Tasklist. */
@RestController
@RequestMapping("/api/tasks")
class TaskController {

  record TaskView(String id, String name, String processInstanceId, String taskDefinitionKey,
      String assignee, Date created, Date due) {}

  private final TaskWork taskWork;

  TaskController(TaskWork taskWork) {
    this.taskWork = taskWork;
  }

  @GetMapping
  List<TaskView> myTasks() {
    return taskWork.myTasks(200).stream().map(t -> new TaskView(t.getId(), t.getName(), t.getProcessInstanceId(),
        t.getTaskDefinitionKey(), t.getAssignee(), t.getCreateTime(), t.getDueDate())).toList();
  }

  @PostMapping("/{taskId}/complete")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void complete(@PathVariable String taskId, @RequestBody(required = false) Map<String, Object> variables) {
    taskWork.complete(taskId, variables == null ? Map.of() : variables);
  }
}
