package io.opsflow.review;

import java.time.Instant;
import java.time.LocalDate;

/** An improvement action as insight lists it (one CSV row); public for the CSV writer of insight. */
public record ActionView(Long id, String title, String department, String owner, LocalDate dueDate, String state,
    LocalDate reviewWeek, String agreedBy, Instant agreedAt, String doneBy, Instant doneAt, String result) {

  static ActionView of(ImprovementAction action, LocalDate today) {
    return new ActionView(action.id(), action.title(), action.department(), action.owner(), action.dueDate(),
        action.state(today).name(), action.review().weekStart(), action.review().lead(), action.createdAt(),
        action.doneBy(), action.doneAt(), action.result());
  }
}
