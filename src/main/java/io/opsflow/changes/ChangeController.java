package io.opsflow.changes;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Change requests: submit, look up, withdraw. Validation happens in {@link ChangeService}. */
@RestController
@RequestMapping("/api/changes")
class ChangeController {

  record Submitted(Long id, String processInstanceId, ChangeStatus status, Level risk) {}

  record Withdrawal(@Size(max = 4000) String comment) {}

  private final ChangeService changes;

  ChangeController(ChangeService changes) {
    this.changes = changes;
  }

  @PostMapping
  ResponseEntity<Submitted> submit(@RequestBody ChangeDraft draft) {
    ChangeView change = changes.submit(draft);
    return ResponseEntity.created(URI.create("/api/changes/" + change.id()))
        .body(new Submitted(change.id(), change.processInstanceId(), change.status(), change.risk()));
  }

  @GetMapping("/{id}")
  ChangeView get(@PathVariable Long id) {
    return changes.find(id);
  }

  @GetMapping
  List<ChangeView.Summary> list() {
    return changes.list();
  }

  @PostMapping("/{id}/withdraw")
  ChangeView withdraw(@PathVariable Long id, @Valid @RequestBody(required = false) Withdrawal withdrawal) {
    return changes.withdraw(id, withdrawal == null ? null : withdrawal.comment());
  }
}
