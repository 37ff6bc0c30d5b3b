package io.opsflow.handbook;

import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The handbook of one deployed version of a process, as its model and forms say it: what it is for,
 * how it starts, and every step in the order of the flow. Text from designers is kept as it is;
 * the pages escape it.
 */
record ProcessHandbook(String definitionId, String key, String name, String purpose, int version, Date deployedAt,
    List<Step> steps, List<String> recurring) {

  /** Whether the process starts itself on a timer (recurring work). */
  boolean isRecurring() {
    return !recurring.isEmpty();
  }

  Optional<Step> step(String id) {
    return steps.stream().filter(step -> step.id().equals(id)).findFirst();
  }

  /** The steps that this group works on, named in the model. */
  List<Step> stepsOf(String group) {
    return steps.stream().filter(step -> step.performer().groups().contains(group)).toList();
  }

  /** Every group named as a performer of a step. */
  Set<String> groups() {
    return steps.stream().flatMap(step -> step.performer().groups().stream()).collect(java.util.stream.Collectors.toSet());
  }

  /** What the handbook cannot explain yet, for designers. */
  List<String> gaps() {
    Stream<String> process = purpose.isBlank() ? Stream.of("The process has no documentation (its purpose).") : Stream.of();
    return Stream.concat(process, steps.stream().flatMap(step -> step.gaps().stream()
        .map(gap -> "\"" + step.name() + "\": " + gap))).toList();
  }

  /**
   * A step: a user task, or the start of the process with its form.
   *
   * @param sla the SLA in words, empty for a step without one (a start has none)
   * @param formRef the form the step shows, null without one; {@code formFound} false when it is not deployed
   */
  record Step(String id, String name, boolean isStart, String documentation, Performer performer, String formRef,
      boolean formFound, List<FormField> form, Optional<String> sla, List<Outcome> outcomes) {

    List<String> gaps() {
      Stream<String> documented = !isStart && documentation.isBlank() ? Stream.of("no documentation (what to do)") : Stream.of();
      Stream<String> withSla = !isStart && sla.isEmpty() ? Stream.of("no SLA (due date and escalation)") : Stream.of();
      Stream<String> formThere = formRef != null && !formFound
          ? Stream.of("its form \"" + formRef + "\" is not deployed with the process") : Stream.of();
      Stream<String> labels = form.stream().filter(field -> field.label().isBlank())
          .map(field -> "form field \"" + field.key() + "\" has no label");
      return Stream.of(documented, withSla, formThere, labels).flatMap(s -> s).toList();
    }
  }

  /**
   * Who does a step: groups named in the model, people named in it, and whether the process
   * chooses the person or the group for each case (an expression).
   */
  record Performer(List<String> groups, List<String> users, boolean personChosenByProcess,
      boolean groupChosenByProcess, boolean starter) {}

  /** A field of a form: its label, key, whether it must be filled, the answers it allows. */
  record FormField(String key, String label, String type, boolean required, List<String> options, String description,
      boolean onlySometimes) {}

  /** What happens next: on which answer ({@code when}, empty for "always"), and what follows. */
  record Outcome(String when, String then) {}
}
