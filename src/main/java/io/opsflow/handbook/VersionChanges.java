package io.opsflow.handbook;

import io.opsflow.handbook.ProcessHandbook.FormField;
import io.opsflow.handbook.ProcessHandbook.Step;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What changed for the people who do the work from one version of a process to the next: steps
 * added, removed and renamed (a step is the same step by its id), and changes of a kept step's
 * SLA, performer, form fields and what to do.
 */
final class VersionChanges {

  private VersionChanges() {}

  static List<String> between(ProcessHandbook before, ProcessHandbook now) {
    List<String> changes = new ArrayList<>();
    if (!Objects.equals(before.purpose(), now.purpose())) {
      changes.add("The purpose of the process was rewritten.");
    }
    for (Step step : now.steps()) {
      Optional<Step> old = before.step(step.id());
      if (old.isEmpty()) {
        changes.add("New step \"" + step.name() + "\".");
        continue;
      }
      Step was = old.get();
      if (!was.name().equals(step.name())) {
        changes.add("Step \"" + was.name() + "\" is now called \"" + step.name() + "\".");
      }
      if (!was.sla().equals(step.sla())) {
        changes.add("\"" + step.name() + "\": the SLA is now " + step.sla().orElse("none") + " (was "
            + was.sla().orElse("none") + ").");
      }
      if (!was.performer().equals(step.performer())) {
        changes.add("\"" + step.name() + "\": done by someone else now.");
      }
      if (!was.documentation().equals(step.documentation())) {
        changes.add("\"" + step.name() + "\": what to do was rewritten.");
      }
      formChanges(was, step, changes);
    }
    for (Step step : before.steps()) {
      if (now.step(step.id()).isEmpty()) {
        changes.add("Step \"" + step.name() + "\" was removed.");
      }
    }
    return changes;
  }

  private static void formChanges(Step was, Step step, List<String> changes) {
    for (FormField field : step.form()) {
      Optional<FormField> old = was.form().stream().filter(f -> f.key().equals(field.key())).findFirst();
      if (old.isEmpty()) {
        changes.add("\"" + step.name() + "\": the form asks for \"" + label(field) + "\" now.");
      } else if (!old.get().equals(field)) {
        changes.add("\"" + step.name() + "\": the form field \"" + label(field) + "\" changed"
            + (old.get().label().equals(field.label()) ? "" : " (was \"" + label(old.get()) + "\")") + ".");
      }
    }
    for (FormField field : was.form()) {
      if (step.form().stream().noneMatch(f -> f.key().equals(field.key()))) {
        changes.add("\"" + step.name() + "\": the form no longer asks for \"" + label(field) + "\".");
      }
    }
  }

  private static String label(FormField field) {
    return field.label().isBlank() ? field.key() : field.label();
  }
}
