package io.opsflow.review;

import io.opsflow.insight.WeekReport;
import io.opsflow.insight.WeekReport.StepCount;
import io.opsflow.insight.WeekReport.TargetFigure;
import io.opsflow.insight.WeekReport.Week;
import io.opsflow.platform.ProcessAccess;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Component;

/**
 * What the forms of the weekly review show, in Markdown: for "Review last week" the figures of the
 * department's processes against their targets, the steps that missed their due date most, the
 * escalations and the state of the actions of earlier reviews; for an action, what was agreed.
 * Short by design: a task's form shows it, and each list names its worst entries only.
 */
@Component
class LastWeekSummary {

  /** Most earlier actions the review lists. */
  static final int MOST_ACTIONS = 10;

  private final WeekReport weekReport;
  private final List<ProcessAccess> processes;
  private final ImprovementActionRepository actions;

  LastWeekSummary(WeekReport weekReport, List<ProcessAccess> processes, ImprovementActionRepository actions) {
    this.weekReport = weekReport;
    this.processes = processes;
    this.actions = actions;
  }

  /** The processes a department works in: those it starts or takes part in, this review aside. */
  Set<String> processesOf(String department) {
    Set<String> keys = new TreeSet<>();
    processes.stream().filter(access -> !WeeklyReview.PROCESS_KEY.equals(access.processKey()))
        .filter(access -> access.starterGroups().contains(department) || access.participantGroups().contains(department))
        .forEach(access -> keys.add(access.processKey()));
    return keys;
  }

  String of(DepartmentReview review, LocalDate today) {
    Week week = weekReport.lastWeek(processesOf(review.department()));
    StringBuilder md = new StringBuilder("## Week of ").append(week.weekStart()).append(", ").append(review.department())
        .append("\n\n**Figures against targets**\n\n");
    if (week.figures().isEmpty()) {
      md.append("No targets are set for the processes of ").append(review.department()).append(" (insight, Targets and actions).\n");
    }
    week.figures().forEach(figure -> md.append("- ").append(line(figure)).append('\n'));
    md.append("\n**Steps that missed their due date most**\n\n");
    counts(md, week.missedDueDates(), "late", "No step finished late.");
    md.append("\n**Escalations**\n\n");
    counts(md, week.escalations(), "escalated", "No task was escalated.");
    md.append("\n**Actions of earlier reviews**\n\n");
    List<ImprovementAction> earlier = actions.forNextReview(review.department(), review.createdAt(),
        review.createdAt().minus(Duration.ofDays(7)));
    if (earlier.isEmpty()) {
      md.append("None open, none done last week.\n");
    }
    earlier.stream().limit(MOST_ACTIONS).forEach(action -> md.append("- ").append(stateWord(action.state(today)))
        .append(": ").append(action.title()).append(" (").append(action.owner()).append(", due ").append(action.dueDate())
        .append(action.doneAt() == null ? "" : ", done: " + oneLine(action.result())).append(")\n"));
    if (earlier.size() > MOST_ACTIONS) {
      md.append("- and ").append(earlier.size() - MOST_ACTIONS).append(" more (insight, Targets and actions)\n");
    }
    return md.toString();
  }

  String of(ImprovementAction action) {
    DepartmentReview review = action.review();
    return "## " + action.title() + "\n\nAgreed in the weekly review of " + review.department() + " (week of "
        + review.weekStart() + ") by " + review.lead() + "; due " + action.dueDate() + "."
        + (review.decisions() == null ? "" : "\n\nDecisions of that review: " + oneLine(review.decisions()));
  }

  private static void counts(StringBuilder md, List<StepCount> counts, String what, String none) {
    if (counts.isEmpty()) {
      md.append(none).append('\n');
    }
    counts.forEach(step -> md.append("- ").append(step.processName()).append(", ").append(step.taskName()).append(": ")
        .append(step.count()).append(' ').append(what).append('\n'));
  }

  private static String line(TargetFigure figure) {
    String name = switch (figure.figure()) {
      case "cycleTimeP90" -> "cycle time p90";
      case "onTimePercent" -> "steps on time";
      case "workInProgress" -> "work in progress";
      default -> "on time";
    };
    String value = figure.lastWeek() == null ? "nothing measured"
        : switch (figure.figure()) {
          case "cycleTimeP90" -> hours(figure.lastWeek());
          case "workInProgress" -> String.valueOf(figure.lastWeek().longValue());
          default -> figure.lastWeek() + " %";
        };
    return figure.processName() + ", " + name + (figure.taskName() == null ? "" : " of " + figure.taskName()) + ": "
        + value + " (target " + figure.target() + ")" + (figure.met() == null ? "" : figure.met() ? ", met" : ", **missed**")
        + (figure.trend() == null ? "" : "same".equals(figure.trend()) ? ", as the week before"
            : ", " + figure.trend() + " than the week before");
  }

  private static String hours(double millis) {
    return Math.round(millis / 360_000.0) / 10.0 + " working hours";
  }

  private static String stateWord(ImprovementAction.State state) {
    return switch (state) {
      case DONE -> "Done";
      case OPEN -> "Open";
      case LATE -> "**Late**";
    };
  }

  private static String oneLine(String text) {
    String line = text.replaceAll("\\s+", " ");
    return line.length() > 200 ? line.substring(0, 200) + "…" : line;
  }
}
