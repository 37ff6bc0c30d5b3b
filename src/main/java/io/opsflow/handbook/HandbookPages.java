package io.opsflow.handbook;

import io.opsflow.platform.EngineIdentity;
import io.opsflow.platform.HandbookLinks;
import io.opsflow.platform.Page;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The handbook's pages for every logged-in employee (the employees' login of {@code /me}, or
 * Tasklist's): the processes they may start or work in, each process, a group's work, the gaps
 * for administrators, and the way from a task to its step. An unknown process, group or task is
 * Opsflow's "not found" page; a process or group that is not the reader's, its "not for your
 * login" page.
 */
@Controller
class HandbookPages {

  /** A refusal that becomes Opsflow's error page (platform's error pages) with this status. */
  static final class Refused extends RuntimeException {
    private final HttpStatus status;

    Refused(HttpStatus status) {
      super(status.getReasonPhrase(), null, false, false);
      this.status = status;
    }
  }

  private final Handbooks handbooks;
  private final HandbookAccess access;
  private final HandbookHtml html;
  private final TaskService taskService;
  private final RepositoryService repositoryService;
  private final EngineIdentity identity;

  HandbookPages(Handbooks handbooks, HandbookAccess access, HandbookHtml html, TaskService taskService,
      RepositoryService repositoryService, EngineIdentity identity) {
    this.handbooks = handbooks;
    this.access = access;
    this.html = html;
    this.taskService = taskService;
    this.repositoryService = repositoryService;
    this.identity = identity;
  }

  @GetMapping(value = {HandbookLinks.PATH, HandbookLinks.PATH + "/"}, produces = MediaType.TEXT_HTML_VALUE)
  @ResponseBody
  String index() {
    HandbookAccess.Reader reader = access.reader();
    List<ProcessHandbook> mine = handbooks.latest().stream().filter(h -> access.mayRead(reader, h)).toList();
    return Page.of("Handbook", HandbookHtml.HEAD, html.nav(reader, this::groupName) + html.index(mine));
  }

  @GetMapping(value = HandbookLinks.PATH + "/processes/{key}", produces = MediaType.TEXT_HTML_VALUE)
  @ResponseBody
  String process(@PathVariable String key, @RequestParam(required = false) Integer version) {
    HandbookAccess.Reader reader = access.reader();
    ProcessHandbook handbook = readable(reader, key, version);
    Optional<ProcessHandbook> previous = handbooks.previous(handbook);
    List<String> changes = previous.map(before -> VersionChanges.between(before, handbook)).orElse(List.of());
    return Page.of(handbook.name(), HandbookHtml.DIAGRAM_HEAD, html.nav(reader, this::groupName)
        + html.process(handbook, changes, previous.isPresent(), this::groupName));
  }

  /** The model for the diagram viewer. */
  @GetMapping(value = HandbookLinks.PATH + "/processes/{key}/diagram", produces = MediaType.TEXT_XML_VALUE)
  ResponseEntity<byte[]> diagram(@PathVariable String key, @RequestParam(required = false) Integer version) {
    ProcessHandbook handbook = readable(access.reader(), key, version);
    byte[] xml = identity.asEngine(() -> {
      try (var model = repositoryService.getProcessModel(handbook.definitionId())) {
        return model.readAllBytes();
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    return ResponseEntity.ok().contentType(MediaType.TEXT_XML).body(xml);
  }

  @GetMapping(value = HandbookLinks.PATH + "/roles/{group}", produces = MediaType.TEXT_HTML_VALUE)
  @ResponseBody
  String role(@PathVariable String group) {
    HandbookAccess.Reader reader = access.reader();
    String name = handbooks.groupName(group).orElseThrow(() -> new Refused(HttpStatus.NOT_FOUND));
    if (!access.mayReadRole(reader, group)) {
      throw new Refused(HttpStatus.FORBIDDEN);
    }
    List<ProcessHandbook> worked = handbooks.latest().stream().filter(h -> !h.stepsOf(group).isEmpty()).toList();
    return Page.of("What " + name + " does", HandbookHtml.HEAD, html.nav(reader, this::groupName)
        + html.role(group, worked, this::groupName));
  }

  @GetMapping(value = HandbookLinks.PATH + "/gaps", produces = MediaType.TEXT_HTML_VALUE)
  @ResponseBody
  String gaps() {
    HandbookAccess.Reader reader = access.reader();
    if (!reader.isAdministrator()) {
      throw new Refused(HttpStatus.FORBIDDEN);
    }
    return Page.of("What the handbook cannot explain yet", HandbookHtml.HEAD, html.nav(reader, this::groupName)
        + html.gaps(handbooks.latest()));
  }

  /** From a task (Tasklist's "Handbook" tab) to its step in the version the task runs in, for whoever sees the task. */
  @GetMapping(HandbookLinks.PATH + "/tasks/{taskId}")
  ResponseEntity<Void> task(@PathVariable String taskId) {
    Task task = taskService.createTaskQuery().taskId(taskId).singleResult(); // as the reader: their tasks only
    if (task == null || task.getProcessDefinitionId() == null) {
      throw new Refused(HttpStatus.NOT_FOUND);
    }
    ProcessDefinition definition = handbooks.definition(task.getProcessDefinitionId());
    return ResponseEntity.status(HttpStatus.SEE_OTHER).header("Location", HandbookLinks.process(definition.getKey())
        + "?version=" + definition.getVersion() + "#" + HandbookLinks.anchor(task.getTaskDefinitionKey())).build();
  }

  @ExceptionHandler(Refused.class)
  void refused(Refused refusal, HttpServletResponse response) throws IOException {
    response.sendError(refusal.status.value());
  }

  private ProcessHandbook readable(HandbookAccess.Reader reader, String key, Integer version) {
    ProcessHandbook handbook = handbooks.of(key, version).orElseThrow(() -> new Refused(HttpStatus.NOT_FOUND));
    if (!access.mayRead(reader, handbook)) {
      throw new Refused(HttpStatus.FORBIDDEN);
    }
    return handbook;
  }

  private String groupName(String group) {
    return handbooks.groupName(group).orElse(group);
  }

}
