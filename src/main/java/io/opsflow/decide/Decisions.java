package io.opsflow.decide;

import io.opsflow.platform.ApiException;
import io.opsflow.platform.CalendarDates;
import io.opsflow.platform.EngineIdentity;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A decision from the mail: the link's task shown to the person it was sent to, and completed as
 * Tasklist completes it, as that person: claimed if nobody holds it, the comment added, the form
 * submitted with the chosen value. So the engine's rights, the form check, the task rules and
 * the process's own rules (four eyes) decide exactly as they do in Tasklist. A link works once,
 * only for its recipient, and only while its task is open.
 */
@Service
@Transactional
class Decisions {

  /** What the confirmation page shows. */
  record Prompt(String taskName, String processName, String businessKey, String due, String description,
      List<String> summary, String decision, String decisionLabel) {}

  private final DecisionLinkRepository links;
  private final DecisionForms forms;
  private final TaskService taskService;
  private final FormService formService;
  private final HistoryService historyService;
  private final RepositoryService repositoryService;
  private final EngineIdentity identity;
  private final CalendarDates dates;

  Decisions(DecisionLinkRepository links, DecisionForms forms, TaskService taskService, FormService formService,
      HistoryService historyService, RepositoryService repositoryService, EngineIdentity identity, CalendarDates dates) {
    this.links = links;
    this.forms = forms;
    this.taskService = taskService;
    this.formService = formService;
    this.historyService = historyService;
    this.repositoryService = repositoryService;
    this.identity = identity;
    this.dates = dates;
  }

  /** What the link's task is about, for the person it was sent to; refused with the reason otherwise. */
  @Transactional(readOnly = true)
  Prompt prompt(String token, String decision) {
    DecisionLink link = usableLink(token);
    Task task = openTask(link);
    DecisionForm form = formOf(task);
    String chosen = requireChoice(decision);
    ProcessDefinition process = repositoryService.getProcessDefinition(task.getProcessDefinitionId());
    Map<String, Object> variables = taskService.getVariables(task.getId());
    String businessKey = identity.asEngine(() -> historyService.createHistoricProcessInstanceQuery()
        .processInstanceId(task.getProcessInstanceId()).singleResult().getBusinessKey());
    return new Prompt(task.getName(), process.getName() != null ? process.getName() : process.getKey(), businessKey,
        dates.time(task.getDueDate()), task.getDescription(), form.summary(variables), chosen, form.label(chosen));
  }

  /** Completes the link's task with this decision and comment, as its recipient; returns what was done. */
  String decide(String token, String decision, String comment) {
    DecisionLink link = usableLink(token);
    Task task = openTask(link);
    DecisionForm form = formOf(task);
    String chosen = requireChoice(decision);
    String note = comment == null || comment.isBlank() ? null : comment.strip();
    Map<String, Object> submission = new HashMap<>(Map.of(form.choiceField(), chosen));
    try {
      if (task.getAssignee() == null) {
        taskService.claim(task.getId(), link.userId());
      }
      if (note != null && form.commentField() != null) {
        submission.put(form.commentField(), note);
      } else if (note != null) {
        taskService.createComment(task.getId(), task.getProcessInstanceId(), note);
      }
      formService.submitTaskForm(task.getId(), submission);
    } catch (AuthorizationException e) {
      throw new ApiException(HttpStatus.FORBIDDEN, "you may not work the task '" + task.getName() + "'");
    } catch (TaskAlreadyClaimedException e) {
      throw ApiException.conflict("the task '" + task.getName() + "' was just taken by " + e.getTaskAssignee()
          + "; open it in Tasklist");
    } catch (ProcessEngineException e) {
      throw refusalIn(e);
    }
    link.used(chosen, Instant.now());
    return form.label(chosen) + ": done. The task '" + task.getName() + "' is completed.";
  }

  /** The refusal a process engine failure carries (a rule of a listener, the form check), or the failure itself. */
  private static RuntimeException refusalIn(ProcessEngineException failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      ApiException refusal = ApiException.asRefusal(cause);
      if (refusal != null) {
        return refusal;
      }
    }
    return failure;
  }

  private DecisionLink usableLink(String token) {
    DecisionLink link = links.findByTokenHash(DecisionLinks.hash(token == null ? "" : token))
        .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND,
            "this link is not valid (mistyped or cut off?); open the task in Tasklist instead"));
    String user = identity.currentUserId();
    if (!link.userId().equals(user)) {
      throw new ApiException(HttpStatus.FORBIDDEN, "this link was sent to " + link.userId() + ", and you are logged in as "
          + user + "; log in as " + link.userId() + " or open the task in Tasklist");
    }
    if (link.isUsed()) {
      throw ApiException.conflict("this link was already used, on " + dates.time(link.usedAt()) + ", to " + link.decision()
          + "; a link works once");
    }
    return link;
  }

  /** The link's task while it is open and the person may work it; why not, otherwise. */
  private Task openTask(DecisionLink link) {
    Task task = taskService.createTaskQuery().taskId(link.taskId()).initializeFormKeys().singleResult();
    if (task != null) {
      return task;
    }
    if (identity.asEngine(() -> taskService.createTaskQuery().taskId(link.taskId()).count()) == 1) {
      throw new ApiException(HttpStatus.FORBIDDEN, "you may no longer work this task; open Tasklist to see yours");
    }
    HistoricTaskInstance done = identity.asEngine(() -> historyService.createHistoricTaskInstanceQuery()
        .taskId(link.taskId()).singleResult());
    throw ApiException.conflict(done == null ? "the task of this link no longer exists; the link has expired with it"
        : "the task '" + done.getName() + "' is no longer open: it was "
            + ("completed".equals(done.getDeleteReason()) ? "completed" + (done.getAssignee() == null ? "" : " by " + done.getAssignee())
                : "closed by its process")
            + " on " + dates.time(done.getEndTime()) + "; the link has expired with it");
  }

  private DecisionForm formOf(Task task) {
    return forms.of(task.getProcessDefinitionId(), task.getTaskDefinitionKey(),
        task.getCamundaFormRef() == null ? null : task.getCamundaFormRef().getKey())
        .orElseThrow(() -> ApiException.conflict("the task '" + task.getName() + "' is no decision any more"));
  }

  private static String requireChoice(String decision) {
    if (!DecisionForm.APPROVE.equals(decision) && !DecisionForm.REJECT.equals(decision)) {
      throw ApiException.badField("decision", "must be approve or reject");
    }
    return decision;
  }
}
