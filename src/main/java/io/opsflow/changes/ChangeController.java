package io.opsflow.changes;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
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

/** Change requests: submit, look up, withdraw. Validation happens in {@link ChangeService}. */
@RestController
@RequestMapping("/api/changes")
@Tag(name = "Changes")
class ChangeController {

  record Submitted(Long id, String processInstanceId, ChangeStatus status, Level risk) {}

  record Withdrawal(@Size(max = 4000) String comment) {}

  private final ChangeService changes;

  ChangeController(ChangeService changes) {
    this.changes = changes;
  }

  @Operation(operationId = "submitChange", summary = "Request a change; its risk is assessed and approval starts")
  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  ResponseEntity<Submitted> submit(@RequestBody ChangeDraft draft) {
    ChangeView change = changes.submit(draft);
    return ResponseEntity.created(URI.create("/api/changes/" + change.id()))
        .body(new Submitted(change.id(), change.processInstanceId(), change.status(), change.risk()));
  }

  @Operation(operationId = "getChange", summary = "A change with its teams, approvals, reviews and log")
  @GetMapping("/{id}")
  ChangeView get(@PathVariable Long id) {
    return changes.find(id);
  }

  @Operation(operationId = "listChanges", summary = "The changes the user may see")
  @GetMapping
  List<ChangeView.Summary> list() {
    return changes.list();
  }

  @Operation(operationId = "withdrawChange", summary = "Withdraw a change before it is rolled out")
  @PostMapping("/{id}/withdraw")
  ChangeView withdraw(@PathVariable Long id, @Valid @RequestBody(required = false) Withdrawal withdrawal) {
    return changes.withdraw(id, withdrawal == null ? null : withdrawal.comment());
  }
}
