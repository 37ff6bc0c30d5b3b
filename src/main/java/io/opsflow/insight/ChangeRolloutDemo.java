package io.opsflow.insight;

import static io.opsflow.insight.DemoScenario.minutes;

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

  static final String PROCESS_KEY = "Process_ChangeRollout";
  private record Idea(String owner, String title, List<String> teams, String impact, String urgency) {}

  private static final List<Idea> IDEAS = List.of(
      new Idea("ian", "New password manager", List.of("it", "sales"), "medium", "low"),
      new Idea("wendy", "Reorganised shelf labels", List.of("warehouse"), "low", "low"),
      new Idea("sam", "New quote template", List.of("sales", "finance"), "low", "medium"),
      new Idea("will", "Two-shift plan in the warehouse", List.of("warehouse", "hr", "facilities"), "high", "medium"));

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
          "title", idea.title(), "description", idea.title() + ", as discussed in the team meeting.",
          "affectedTeams", "[\"" + String.join("\",\"", idea.teams()) + "\"]",
          "impact", idea.impact(), "urgency", idea.urgency(),
          "plannedRolloutDate", day.plusDays(10).toString(), "rollbackPlan", "Go back to the previous way of working."));
    }
  }

  @Override
  public Optional<TaskPlan> plan(Task task, Random random) {
    if (DemoScenario.stillOpen(task) || task.getAssignee() == null) {
      return Optional.empty();
    }
    Map<String, Object> form = switch (task.getTaskDefinitionKey()) {
      case "Task_ApproveChange", "Task_ApproveHighRiskChange" -> Map.of(
          "approval", random.nextInt(8) == 0 ? "reject" : "approve", "comment", "Discussed with the team.");
      case "Task_ReworkChange" -> Map.of("rework", "withdraw", "comment", "Not now.");
      case "Task_PlanCommunication" -> Map.of("communicationPlan", "Mail to everyone, then a short demo.");
      case "Task_VerifyOutcome" -> Map.of("outcome", random.nextInt(6) == 0 ? "failure" : "success",
          "comment", "Checked with the people affected.");
      case "Task_RollBackChange", "Task_ReviewFailure", "Task_ReviewImplementation" -> Map.of("comment", "Done.");
      default -> Map.of();
    };
    return Optional.of(new TaskPlan(task.getAssignee(), minutes(30, 900, random), minutes(15, 120, random), form));
  }
}
