package io.opsflow.review;

import io.opsflow.insight.Csv;
import io.opsflow.platform.WorkingCalendar;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The improvement actions of the weekly reviews, for insight's page "Targets and actions":
 * {@code GET /api/insight/actions} (the newest 500, and the
 * open, late and done ones counted per department and owner) and {@code /api/insight/actions.csv}.
 * Below {@code /api/insight}, so insight's security chain lets only management and administrators
 * in (403 otherwise).
 */
@RestController
@RequestMapping("/api/insight")
@Tag(name = "Insight")
@Transactional(readOnly = true)
class ActionController {

  /** How many actions of one owner in one department are open, late and done. */
  record OwnerCount(String department, String owner, long open, long late, long done) {}

  record Actions(List<OwnerCount> owners, List<ActionView> actions) {}

  private final ImprovementActionRepository repository;
  private final WorkingCalendar calendar;

  ActionController(ImprovementActionRepository repository, WorkingCalendar calendar) {
    this.repository = repository;
    this.calendar = calendar;
  }

  @Operation(operationId = "getActions", summary = "The improvement actions of the weekly reviews, counted per department and owner")
  @GetMapping("/actions")
  Actions actions() {
    List<ActionView> views = views();
    Map<List<String>, long[]> counts = new TreeMap<>(Comparator.comparing((List<String> key) -> key.get(0))
        .thenComparing(key -> key.get(1)));
    views.forEach(view -> counts.computeIfAbsent(List.of(view.department(), view.owner()), key -> new long[3])
        [ImprovementAction.State.valueOf(view.state()).ordinal()]++);
    return new Actions(counts.entrySet().stream().map(entry -> new OwnerCount(entry.getKey().get(0),
        entry.getKey().get(1), entry.getValue()[0], entry.getValue()[1], entry.getValue()[2])).toList(), views);
  }

  @Operation(operationId = "getActionsCsv", summary = "The improvement actions as CSV")
  @Csv.Described
  @GetMapping("/actions.csv")
  ResponseEntity<String> actionsCsv() {
    return Csv.download("actions.csv", ActionView.class, views());
  }

  private List<ActionView> views() {
    LocalDate today = LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), calendar.zone());
    return repository.findTop500ByOrderByIdDesc().stream().map(action -> ActionView.of(action, today)).toList();
  }
}
