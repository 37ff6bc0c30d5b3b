package io.opsflow.changes;

import static io.opsflow.changes.ChangeRollout.FORM_AFFECTED_TEAMS;
import static io.opsflow.changes.ChangeRollout.FORM_APPROVAL;
import static io.opsflow.changes.ChangeRollout.FORM_COMMENT;
import static io.opsflow.changes.ChangeRollout.FORM_COMMUNICATION_PLAN;
import static io.opsflow.changes.ChangeRollout.FORM_DESCRIPTION;
import static io.opsflow.changes.ChangeRollout.FORM_IMPACT;
import static io.opsflow.changes.ChangeRollout.FORM_OUTCOME;
import static io.opsflow.changes.ChangeRollout.FORM_PLANNED_ROLLOUT_DATE;
import static io.opsflow.changes.ChangeRollout.FORM_REWORK;
import static io.opsflow.changes.ChangeRollout.FORM_ROLLBACK_PLAN;
import static io.opsflow.changes.ChangeRollout.FORM_TITLE;
import static io.opsflow.changes.ChangeRollout.FORM_URGENCY;
import static io.opsflow.changes.ChangeRollout.PROCESS_KEY;
import static io.opsflow.insight.DemoScenario.minutes;
import static io.opsflow.platform.OpsflowGroups.FACILITIES;
import static io.opsflow.platform.OpsflowGroups.FINANCE;
import static io.opsflow.platform.OpsflowGroups.HR;
import static io.opsflow.platform.OpsflowGroups.IT;
import static io.opsflow.platform.OpsflowGroups.SALES;
import static io.opsflow.platform.OpsflowGroups.WAREHOUSE;

import io.opsflow.insight.DemoScenario;
import io.opsflow.insight.HistorySimulation;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Demo history of change rollout: twice a week someone requests a change (risk decided by the
 * DMN table); approvers mostly approve, owners plan communication, team leads brief their teams,
 * changes roll out on their date and are verified, now and then failed and rolled back.
 */
@Component
@Profile("demo & !test & !prod")
class ChangeRolloutDemo implements DemoScenario {

  private record Idea(String owner, String title, List<String> teams, String impact, String urgency) {}

  private static final List<Idea> IDEAS = List.of(
      new Idea("ian", "New password manager", List.of(IT, SALES), "medium", "low"),
      new Idea("wendy", "Reorganised shelf labels", List.of(WAREHOUSE), "low", "low"),
      new Idea("sam", "New quote template", List.of(SALES, FINANCE), "low", "medium"),
      new Idea("will", "Two-shift plan in the warehouse", List.of(WAREHOUSE, HR, FACILITIES), "high", "medium"));

  @Override
  public String processKey() {
    return PROCESS_KEY;
  }

  @Override
  public void schedule(HistorySimulation simulation, Instant from, Instant to, Random random) {
    int n = 0;
    for (LocalDate day : DemoScenario.workingDays(from, to)) {
      if (day.getDayOfWeek() != DayOfWeek.TUESDAY && day.getDayOfWeek() != DayOfWeek.THURSDAY) {
        continue;
      }
      Idea idea = IDEAS.get(n++ % IDEAS.size());
      simulation.startWithForm(DemoScenario.at(day, 9, 6 * 60, random), idea.owner(), PROCESS_KEY, Map.of(
          FORM_TITLE, idea.title(), FORM_DESCRIPTION, idea.title() + ", as discussed in the team meeting.",
          FORM_AFFECTED_TEAMS, "[\"" + String.join("\",\"", idea.teams()) + "\"]",
          FORM_IMPACT, idea.impact(), FORM_URGENCY, idea.urgency(), FORM_PLANNED_ROLLOUT_DATE, day.plusDays(10).toString(),
          FORM_ROLLBACK_PLAN, "Go back to the previous way of working."));
    }
  }

  @Override
  public Optional<TaskPlan> plan(Task task, Random random) {
    if (DemoScenario.stillOpen(task) || task.getAssignee() == null) {
      return Optional.empty();
    }
    Map<String, Object> form = switch (task.getTaskDefinitionKey()) {
      case ChangeRollout.TASK_APPROVE_CHANGE, ChangeRollout.TASK_APPROVE_HIGH_RISK_CHANGE -> Map.of(
          FORM_APPROVAL, random.nextInt(8) == 0 ? "reject" : ChangeRollout.APPROVE, FORM_COMMENT, "Discussed with the team.");
      case ChangeRollout.TASK_REWORK_CHANGE -> Map.of(FORM_REWORK, "withdraw", FORM_COMMENT, "Not now.");
      case ChangeRollout.TASK_PLAN_COMMUNICATION -> Map.of(FORM_COMMUNICATION_PLAN, "Mail to everyone, then a short demo.");
      case ChangeRollout.TASK_VERIFY_OUTCOME -> Map.of(
          FORM_OUTCOME, random.nextInt(6) == 0 ? "failure" : ChangeRollout.SUCCESS, FORM_COMMENT, "Checked with the people affected.");
      case ChangeRollout.TASK_ROLL_BACK_CHANGE, ChangeRollout.TASK_REVIEW_FAILURE, ChangeRollout.TASK_REVIEW_IMPLEMENTATION ->
          Map.of(FORM_COMMENT, "Done.");
      default -> Map.of();
    };
    return Optional.of(new TaskPlan(task.getAssignee(), minutes(30, 900, random), minutes(15, 120, random), form));
  }
}
