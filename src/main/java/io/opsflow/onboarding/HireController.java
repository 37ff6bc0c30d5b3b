package io.opsflow.onboarding;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/hires}: record, look at and withdraw new hires. */
@RestController
@RequestMapping("/api/hires")
@Tag(name = "Hires")
class HireController {

  private final HireService hireService;

  HireController(HireService hireService) {
    this.hireService = hireService;
  }

  /** Checked by the service after the caller's right to record hires, so 403 comes before 400. */
  @Operation(operationId = "createHire", summary = "Record a new hire; onboarding starts")
  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  ResponseEntity<HireView.Created> create(@RequestBody HireRequest request) {
    HireView.Created created = hireService.create(request);
    return ResponseEntity.created(URI.create("/api/hires/" + created.id())).body(created);
  }

  @Operation(operationId = "getHire", summary = "A hire with what was prepared")
  @GetMapping("/{id}")
  HireView get(@PathVariable long id) {
    return hireService.find(id);
  }

  @Operation(operationId = "listHires", summary = "The hires the user may see")
  @GetMapping
  List<HireView.Summary> list() {
    return hireService.list();
  }

  @Operation(operationId = "withdrawHire", summary = "Withdraw a hire (the person does not come)")
  @PostMapping("/{id}/withdraw")
  HireView withdraw(@PathVariable long id) {
    return hireService.withdraw(id);
  }
}
