package io.opsflow.onboarding;

import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/hires}: record, look at and withdraw new hires. */
@RestController
@RequestMapping("/api/hires")
class HireController {

  private final HireService hireService;

  HireController(HireService hireService) {
    this.hireService = hireService;
  }

  /** Checked by the service after the caller's right to record hires, so 403 comes before 400. */
  @PostMapping
  ResponseEntity<HireView.Created> create(@RequestBody HireRequest request) {
    HireView.Created created = hireService.create(request);
    return ResponseEntity.created(URI.create("/api/hires/" + created.id())).body(created);
  }

  @GetMapping("/{id}")
  HireView get(@PathVariable long id) {
    return hireService.find(id);
  }

  @GetMapping
  List<HireView.Summary> list() {
    return hireService.list();
  }

  @PostMapping("/{id}/withdraw")
  HireView withdraw(@PathVariable long id) {
    return hireService.withdraw(id);
  }
}
