package io.opsflow.insight;

import io.opsflow.insight.ActivityHeatmap.ActivityHeat;
import io.opsflow.insight.InstanceSearch.Criteria;
import io.opsflow.insight.InstanceSearch.InstanceRow;
import io.opsflow.insight.InstanceSearch.Page;
import io.opsflow.insight.InstanceTimeline.Timeline;
import io.opsflow.insight.ProcessCatalog.DeployedProcess;
import io.opsflow.insight.ProcessKpis.Detail;
import io.opsflow.insight.ProcessKpis.Summary;
import io.opsflow.insight.TaskBottlenecks.TaskBottleneck;
import io.opsflow.platform.CalendarDates;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat.ISO;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The insight API (see docs/insight.md). Dates are ISO days, both inclusive. */
@RestController
@RequestMapping("/api/insight")
@Tag(name = "Insight")
class InsightController {

  /** {@code zone}: the company's calendar zone, in which the pages show times. */
  record Me(String userId, String csrfHeader, String csrfToken, String zone) {}

  private final ProcessCatalog catalog;
  private final ProcessKpis kpis;
  private final TaskBottlenecks bottlenecks;
  private final ActivityHeatmap heatmap;
  private final InstanceSearch search;
  private final InstanceTimeline timeline;
  private final CalendarDates dates;

  InsightController(ProcessCatalog catalog, ProcessKpis kpis, TaskBottlenecks bottlenecks, ActivityHeatmap heatmap,
      InstanceSearch search, InstanceTimeline timeline, CalendarDates dates) {
    this.catalog = catalog;
    this.kpis = kpis;
    this.bottlenecks = bottlenecks;
    this.heatmap = heatmap;
    this.search = search;
    this.timeline = timeline;
    this.dates = dates;
  }

  /** Who is logged in, the token a page needs to log out, and the zone of the times it shows. */
  @Operation(operationId = "getMe", summary = "Who is logged in, the CSRF token of the insight pages, and the calendar zone")
  @GetMapping("/me")
  Me me(Authentication login, @Parameter(hidden = true) CsrfToken csrf) {
    return new Me(login.getName(), csrf.getHeaderName(), csrf.getToken(), dates.zone().getId());
  }

  @Operation(operationId = "listProcesses", summary = "The deployed processes")
  @GetMapping("/processes")
  List<DeployedProcess> processes() {
    return catalog.all();
  }

  @Operation(operationId = "getKpis", summary = "Key figures of every process in a period (days, both inclusive; the last 30 days by default)")
  @GetMapping("/kpis")
  List<Summary> kpis(@RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate to) {
    return kpis.summaries(ReportPeriod.of(from, to));
  }

  @Operation(operationId = "getKpisCsv", summary = "The key figures as CSV")
  @Csv.Described
  @GetMapping("/kpis.csv")
  ResponseEntity<String> kpisCsv(@RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate to) {
    return Csv.download("kpis.csv", Summary.class, kpis(from, to));
  }

  @Operation(operationId = "getProcessKpis", summary = "Key figures of one process, week by week")
  @GetMapping("/processes/{key}/kpis")
  Detail processKpis(@PathVariable String key,
      @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate to) {
    return kpis.detail(key, ReportPeriod.of(from, to));
  }

  @Operation(operationId = "getBottlenecks", summary = "Where a process's work waits longest, per user task")
  @GetMapping("/processes/{key}/bottlenecks")
  List<TaskBottleneck> bottlenecks(@PathVariable String key,
      @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate to) {
    return bottlenecks.of(key, ReportPeriod.of(from, to));
  }

  @Operation(operationId = "getBottlenecksCsv", summary = "The bottlenecks as CSV")
  @Csv.Described
  @GetMapping("/processes/{key}/bottlenecks.csv")
  ResponseEntity<String> bottlenecksCsv(@PathVariable String key,
      @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate to) {
    return Csv.download(key + "-bottlenecks.csv", TaskBottleneck.class, bottlenecks(key, from, to));
  }

  @Operation(operationId = "getHeatmap", summary = "How often each step of a process ran and how long it took")
  @GetMapping("/processes/{key}/heatmap")
  List<ActivityHeat> heatmap(@PathVariable String key,
      @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate to) {
    return heatmap.of(key, ReportPeriod.of(from, to));
  }

  /** The BPMN XML of the latest version, for the diagram. */
  @Operation(operationId = "getDiagram", summary = "The BPMN XML of the latest version")
  @ApiResponse(responseCode = "200", description = "BPMN 2.0 XML", content = @Content(mediaType = MediaType.APPLICATION_XML_VALUE,
      schema = @Schema(type = "string"), examples = @ExampleObject("<?xml version=\"1.0\" encoding=\"UTF-8\"?><bpmn:definitions/>")))
  @GetMapping(value = "/processes/{key}/diagram", produces = MediaType.APPLICATION_XML_VALUE)
  byte[] diagram(@PathVariable String key) {
    return catalog.diagram(key);
  }

  @Operation(operationId = "searchInstances", summary = "Process instances by process, business key, start day and status, a page at a time")
  @GetMapping("/instances")
  Page instances(@RequestParam(required = false) String process, @RequestParam(required = false) String businessKey,
      @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate to,
      @Parameter(schema = @Schema(allowableValues = {"running", "completed", "cancelled"})) @RequestParam(required = false) String status,
      @Parameter(schema = @Schema(type = "integer", format = "int32", minimum = "0", defaultValue = "0")) @RequestParam(defaultValue = "0") int page,
      @Parameter(schema = @Schema(type = "integer", format = "int32", minimum = "1", maximum = "" + InstanceSearch.MAX_PAGE_SIZE, defaultValue = "50")) @RequestParam(defaultValue = "50") int size) {
    return search.page(criteria(process, businessKey, from, to, status), page, size);
  }

  @Operation(operationId = "exportInstancesCsv", summary = "The found process instances as CSV")
  @Csv.Described
  @GetMapping("/instances.csv")
  ResponseEntity<String> instancesCsv(@RequestParam(required = false) String process,
      @RequestParam(required = false) String businessKey,
      @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate to,
      @Parameter(schema = @Schema(allowableValues = {"running", "completed", "cancelled"})) @RequestParam(required = false) String status) {
    return Csv.download("instances.csv", InstanceRow.class,
        search.export(criteria(process, businessKey, from, to, status)));
  }

  @Operation(operationId = "getInstanceTimeline", summary = "What happened in one process instance, step by step")
  @GetMapping("/instances/{id}")
  Timeline instance(@PathVariable String id) {
    return timeline.of(id);
  }

  private static Criteria criteria(String process, String businessKey, LocalDate from, LocalDate to, String status) {
    return new Criteria(process, businessKey, from, to, InstanceSearch.status(status));
  }
}
