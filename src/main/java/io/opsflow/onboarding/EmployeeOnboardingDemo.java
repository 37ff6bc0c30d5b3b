package io.opsflow.onboarding;

import static io.opsflow.insight.DemoScenario.minutes;
import static io.opsflow.onboarding.EmployeeOnboarding.PROCESS_KEY;

import io.opsflow.insight.DemoScenario;
import io.opsflow.insight.HistorySimulation;
import io.opsflow.platform.OpsflowGroups;
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
 * Demo history of employee onboarding: HR records a hire every Monday, starting a week later;
 * IT, facilities and HR prepare (facilities now and then too late, so the guard escalates); the
 * manager welcomes the hire on day one and checks in a week later; probation reviews lie ahead.
 */
@Component
@Profile("demo & !test & !prod")
class EmployeeOnboardingDemo implements DemoScenario {

  private record Opening(String role, String department, String manager) {}

  private static final List<Opening> OPENINGS = List.of(new Opening("Picker", OpsflowGroups.WAREHOUSE, "will"),
      new Opening("Account manager", OpsflowGroups.SALES, "sarah"),
      new Opening("Accountant", OpsflowGroups.FINANCE, "fiona"), new Opening("Support engineer", OpsflowGroups.IT, "irene"));
  private static final List<String> NAMES = List.of("Mia Meyer", "Noah Novak", "Lea Lindqvist", "Omar Okafor",
      "Ines Ibarra", "Jon Jansen");

  @Override
  public String processKey() {
    return PROCESS_KEY;
  }

  @Override
  public void schedule(HistorySimulation simulation, Instant from, Instant to, Random random) {
    int hire = 0;
    for (LocalDate day : DemoScenario.workingDays(from, to)) {
      if (day.getDayOfWeek() != DayOfWeek.MONDAY) {
        continue;
      }
      Opening opening = OPENINGS.get(hire % OPENINGS.size());
      String name = NAMES.get(hire++ % NAMES.size());
      simulation.startWithForm(DemoScenario.at(day, 10, 120, random), "hugo", PROCESS_KEY, Map.of(
          EmployeeOnboarding.FORM_NAME, name,
          EmployeeOnboarding.FORM_EMAIL, name.toLowerCase().replace(' ', '.') + "@private.example",
          EmployeeOnboarding.FORM_ROLE, opening.role(), EmployeeOnboarding.FORM_DEPARTMENT, opening.department(),
          EmployeeOnboarding.FORM_MANAGER_ID, opening.manager(),
          EmployeeOnboarding.FORM_START_DATE, day.plusWeeks(1).toString()));
    }
  }

  @Override
  public Optional<TaskPlan> plan(Task task, Random random) {
    if (DemoScenario.stillOpen(task)) {
      return Optional.empty();
    }
    return switch (task.getTaskDefinitionKey()) {
      case EmployeeOnboarding.TASK_CREATE_ACCOUNTS, EmployeeOnboarding.TASK_PREPARE_EQUIPMENT ->
          Optional.of(new TaskPlan("ian", minutes(60, 1200, random), minutes(20, 90, random), Map.of()));
      case EmployeeOnboarding.TASK_PREPARE_WORKPLACE -> Optional.of(new TaskPlan("felix",
          minutes(60, random.nextInt(3) == 0 ? 5000 : 1200, random), minutes(30, 120, random), Map.of()));
      case EmployeeOnboarding.TASK_COLLECT_DOCUMENTS ->
          Optional.of(new TaskPlan("hugo", minutes(60, 1500, random), minutes(10, 40, random), Map.of()));
      case EmployeeOnboarding.TASK_WELCOME_NEW_HIRE, EmployeeOnboarding.TASK_FIRST_WEEK_CHECK_IN -> Optional.of(new TaskPlan(task.getAssignee(),
          minutes(30, 240, random), minutes(30, 60, random), Map.of()));
      default -> Optional.empty();
    };
  }
}
