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
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;
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
  @GetMapping("/me")
  Me me(Authentication login, CsrfToken csrf) {
    return new Me(login.getName(), csrf.getHeaderName(), csrf.getToken(), dates.zone().getId());
  }

  @GetMapping("/processes")
  List<DeployedProcess> processes() {
    return catalog.all();
  }

  @GetMapping("/kpis")
  List<Summary> kpis(@RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate to) {
    return kpis.summaries(ReportPeriod.of(from, to));
  }

  @GetMapping("/kpis.csv")
  ResponseEntity<String> kpisCsv(@RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate to) {
    return Csv.download("kpis.csv", Summary.class, kpis(from, to));
  }

  @GetMapping("/processes/{key}/kpis")
  Detail processKpis(@PathVariable String key,
      @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate to) {
    return kpis.detail(key, ReportPeriod.of(from, to));
  }

  @GetMapping("/processes/{key}/bottlenecks")
  List<TaskBottleneck> bottlenecks(@PathVariable String key,
      @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate to) {
    return bottlenecks.of(key, ReportPeriod.of(from, to));
  }

  @GetMapping("/processes/{key}/bottlenecks.csv")
  ResponseEntity<String> bottlenecksCsv(@PathVariable String key,
      @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate to) {
    return Csv.download(key + "-bottlenecks.csv", TaskBottleneck.class, bottlenecks(key, from, to));
  }

  @GetMapping("/processes/{key}/heatmap")
  List<ActivityHeat> heatmap(@PathVariable String key,
      @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate to) {
    return heatmap.of(key, ReportPeriod.of(from, to));
  }

  /** The BPMN XML of the latest version, for the diagram. */
  @GetMapping(value = "/processes/{key}/diagram", produces = MediaType.APPLICATION_XML_VALUE)
  byte[] diagram(@PathVariable String key) {
    return catalog.diagram(key);
  }

  @GetMapping("/instances")
  Page instances(@RequestParam(required = false) String process, @RequestParam(required = false) String businessKey,
      @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate to,
      @RequestParam(required = false) String status,
      @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
    return search.page(criteria(process, businessKey, from, to, status), page, size);
  }

  @GetMapping("/instances.csv")
  ResponseEntity<String> instancesCsv(@RequestParam(required = false) String process,
      @RequestParam(required = false) String businessKey,
      @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate to,
      @RequestParam(required = false) String status) {
    return Csv.download("instances.csv", InstanceRow.class,
        search.export(criteria(process, businessKey, from, to, status)));
  }

  @GetMapping("/instances/{id}")
  Timeline instance(@PathVariable String id) {
    return timeline.of(id);
  }

  private static Criteria criteria(String process, String businessKey, LocalDate from, LocalDate to, String status) {
    return new Criteria(process, businessKey, from, to, InstanceSearch.status(status));
  }
}
