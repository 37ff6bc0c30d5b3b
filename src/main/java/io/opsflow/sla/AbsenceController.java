package io.opsflow.sla;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Out of office: while a user is away, their tasks go to the substitute (the page: {@link OutOfOfficePage}). */
@RestController
@RequestMapping("/api/absences")
@Tag(name = "Absences")
class AbsenceController {

  /** {@code userId} defaults to the logged-in user; {@code from} and {@code to} are whole days. */
  record AbsenceRequest(@Schema(example = "sam") @Size(max = 64) String userId,
      @NotNull LocalDate from, @NotNull LocalDate to,
      @Schema(example = "sarah") @NotBlank @Size(max = 64) String substitute) {}

  /** {@code notices}: what the person should know, such as a substitute who is away too; absent when none. */
  record AbsenceView(long id, String userId, LocalDate from, LocalDate to, String substitute, List<String> notices) {

    static AbsenceView of(Absence absence) {
      return new AbsenceView(absence.id(), absence.userId(), absence.from(), absence.to(), absence.substitute(), null);
    }

    static AbsenceView of(AbsenceRegister.Recorded recorded) {
      Absence absence = recorded.absence();
      return new AbsenceView(absence.id(), absence.userId(), absence.from(), absence.to(), absence.substitute(),
          recorded.notices().isEmpty() ? null : recorded.notices());
    }
  }

  /** A change of an absence's days or substitute. */
  record AbsenceChange(@NotNull LocalDate from,
      @NotNull LocalDate to, @Schema(example = "sarah") @NotBlank @Size(max = 64) String substitute) {}

  private final AbsenceRegister register;

  AbsenceController(AbsenceRegister register) {
    this.register = register;
  }

  @Operation(operationId = "recordAbsence", summary = "Record an absence; tasks go to the substitute while it lasts")
  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  AbsenceView record(@Valid @RequestBody AbsenceRequest request) {
    return AbsenceView.of(register.record(request.userId(), request.from(), request.to(), request.substitute()));
  }

  @Operation(operationId = "changeAbsence", summary = "Change an absence's days or substitute")
  @PutMapping("/{id}")
  AbsenceView change(@PathVariable long id, @Valid @RequestBody AbsenceChange change) {
    return AbsenceView.of(register.change(id, change.from(), change.to(), change.substitute()));
  }

  /** Ends a running absence now (the list of what was handed over goes out), or cancels a planned one. */
  @Operation(operationId = "endAbsence", summary = "End a running absence now, or cancel a planned one")
  @PostMapping("/{id}/end")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void end(@PathVariable long id) {
    register.end(id);
  }

  @Operation(operationId = "listAbsences", summary = "Absences that are running or planned, of the user or of userId")
  @GetMapping
  List<AbsenceView> upcoming(@Parameter(schema = @Schema(maxLength = 64)) @RequestParam(required = false) String userId) {
    return register.upcoming(userId).stream().map(AbsenceView::of).toList();
  }

  @Operation(operationId = "deleteAbsence", summary = "Delete a planned absence")
  @DeleteMapping("/{id}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void delete(@PathVariable long id) {
    register.delete(id);
  }
}
