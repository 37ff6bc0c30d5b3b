package io.opsflow.platform;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "Tasks")
class TaskController {

  record TaskView(String id, String name, String processInstanceId, String taskDefinitionKey,
      String assignee, Date created, Date due) {}

  private final TaskWork taskWork;

  TaskController(TaskWork taskWork) {
    this.taskWork = taskWork;
  }

  @Operation(operationId = "listMyTasks", summary = "The user's open tasks (assigned or as a candidate), at most 200")
  @GetMapping
  List<TaskView> myTasks() {
    return taskWork.myTasks(200).stream().map(t -> new TaskView(t.getId(), t.getName(), t.getProcessInstanceId(),
        t.getTaskDefinitionKey(), t.getAssignee(), t.getCreateTime(), t.getDueDate())).toList();
  }

  @Operation(operationId = "completeTask", summary = "Complete a task with the fields of its form")
  @PostMapping("/{taskId}/complete")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void complete(@PathVariable String taskId, @io.swagger.v3.oas.annotations.parameters.RequestBody(description = "The fields of the task's form, by their keys", content = @Content(schema = @Schema(type = "object", additionalProperties = Schema.AdditionalPropertiesValue.TRUE, example = "{\"approved\": true}"))) @RequestBody(required = false) Map<String, Object> variables) {
    taskWork.complete(taskId, variables == null ? Map.of() : variables);
  }
}
