package io.opsflow.onboarding;

import static io.opsflow.Refusals.refusalOf;
import static io.opsflow.onboarding.EmployeeOnboarding.PROCESS_KEY;
import static io.opsflow.onboarding.EmployeeOnboarding.TASK_COLLECT_DOCUMENTS;
import static io.opsflow.onboarding.EmployeeOnboarding.TASK_CREATE_ACCOUNTS;
import static io.opsflow.onboarding.EmployeeOnboarding.TASK_FIRST_WEEK_CHECK_IN;
import static io.opsflow.onboarding.EmployeeOnboarding.TASK_PREPARE_EQUIPMENT;
import static io.opsflow.onboarding.EmployeeOnboarding.TASK_PREPARE_WORKPLACE;
import static io.opsflow.onboarding.EmployeeOnboarding.TASK_PROBATION_REVIEW;
import static io.opsflow.onboarding.EmployeeOnboarding.TASK_WELCOME_NEW_HIRE;
import static io.opsflow.onboarding.EmployeeOnboarding.VAR_HIRE_ID;
import static io.opsflow.onboarding.EmployeeOnboarding.FORM_PROBATION_OUTCOME;
import static io.opsflow.onboarding.EmployeeOnboarding.VAR_PROBATION_RESULT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import io.opsflow.OpsflowSpringTest;
import io.opsflow.ProcessDriver;
import io.opsflow.notify.Outbox;
import io.opsflow.notify.TestMailbox;
import io.opsflow.notify.TestMailbox.ReceivedMail;
import io.opsflow.onboarding.HireView.Equipment;
import io.opsflow.onboarding.HireView.Step;
import io.opsflow.platform.ApiException;
import io.opsflow.platform.TasklistFilters;
import io.opsflow.sla.SlaStep;
import java.time.LocalDate;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code processes/employee-onboarding.bpmn}, one test per path, driven like production: HR and
 * the employees through the API, timers by the engine clock and executing the due jobs. A hire
 * for Sales (three equipment items), managed by Sarah, recorded on Monday 2 June 2031 to start on
 * Monday 9 June. As a {@code *ProcessTest} it must cover every flow node and sequence flow of the
 * model (the shared process test coverage; report in {@code target/process-test-coverage/}).
 */
@OpsflowSpringTest
@RecordApplicationEvents
class EmployeeOnboardingProcessTest {

  static final String RECORDED = "2031-06-02T10:00";
  static final String START_DATE = "2031-06-09";
  static final String FIRST_DAY = "2031-06-09T09:00";
  static final String TWO_WORKING_DAYS_BEFORE = "2031-06-05T09:00";
  static final String ONE_WEEK_AFTER_START = "2031-06-16T09:00";
  static final String PROBATION_OVER = "2031-09-09T09:00";
  static final List<String> SALES_EQUIPMENT = List.of("Laptop", "Mobile phone", "Headset");

  @RegisterExtension
  static final TestMailbox mailbox = new TestMailbox();
  @RegisterExtension
  final ProcessDriver driver = new ProcessDriver();

  @Autowired ProcessEngine processEngine;
  @Autowired ApplicationEvents events;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired HireRepository hires;
  @Autowired JdbcTemplate jdbc;
  @Autowired TransactionTemplate transaction;
  @Autowired TestRestTemplate http;

  HireApi api;
  String name;

  @BeforeEach
  void mondayMorning() {
    init(processEngine);
    api = new HireApi(http);
    name = "Ann Example " + UUID.randomUUID().toString().substring(0, 8);
    driver.clockAt(RECORDED);
  }

  @Test
  void happyPathFromPreparationToPassedProbation() {
    long id = api.record(HireApi.newHire(name, START_DATE));
    ProcessInstance onboarding = onboardingOf(id);

    assertThat(onboarding).isWaitingAt(TASK_CREATE_ACCOUNTS, TASK_PREPARE_EQUIPMENT, TASK_PREPARE_WORKPLACE,
        TASK_COLLECT_DOCUMENTS, "Timer_StartDateReached");
    assertThat(runtimeService.getVariables(onboarding.getId())).containsOnlyKeys(VAR_HIRE_ID);
    Task accounts = openTask(onboarding, TASK_CREATE_ACCOUNTS);
    assertThat(accounts).hasCandidateGroup("it");
    assertThat(accounts.getDueDate()).isEqualTo(driver.at("2031-06-03T10:00"));
    assertThat(taskService.getVariablesLocal(accounts.getId())).containsEntry("hireName", name)
        .containsEntry("hireRole", "sales").containsEntry("hireStartDate", START_DATE)
        .containsEntry("hireManager", "Sarah Sales");
    assertThat(openTasks(onboarding, TASK_PREPARE_EQUIPMENT)).extracting(this::equipmentItem)
        .containsExactlyInAnyOrderElementsOf(SALES_EQUIPMENT);
    assertThat(openTask(onboarding, TASK_PREPARE_WORKPLACE)).hasCandidateGroup("facilities");
    assertThat(openTask(onboarding, TASK_COLLECT_DOCUMENTS)).hasCandidateGroup("hr");
    assertThat(stored(id).status()).isEqualTo(HireStatus.PREPARING);

    prepareFirstDay(onboarding);

    assertThat(onboarding).hasPassed("EndEvent_FirstDayPrepared").isWaitingAt("Timer_StartDateReached");
    assertThat(timerDue(onboarding)).isEqualTo(driver.at(FIRST_DAY));
    HireView prepared = stored(id);
    assertThat(prepared.equipment()).extracting(Equipment::item, Equipment::preparedBy, Equipment::preparedAt)
        .containsExactly(tuple("Laptop", "ian", driver.at(RECORDED).toInstant()),
            tuple("Mobile phone", "ian", driver.at(RECORDED).toInstant()), tuple("Headset", "ian", driver.at(RECORDED).toInstant()));
    assertThat(prepared.steps()).extracting(Step::step, Step::doneBy).containsExactly(
        tuple(OnboardingStep.ACCOUNTS_CREATED, "ian"), tuple(OnboardingStep.WORKPLACE_PREPARED, "felix"),
        tuple(OnboardingStep.DOCUMENTS_COLLECTED, "hugo"));

    assertThat(events.stream(HireStarted.class)).isEmpty();
    driver.clockAt(FIRST_DAY);
    driver.runDueJobs(onboarding.getId());

    assertThat(stored(id).status()).isEqualTo(HireStatus.ONBOARDING);
    assertThat(events.stream(HireStarted.class)).singleElement().satisfies(started -> {
      assertThat(started.hireId()).isEqualTo(id);
      assertThat(started.startDate()).isEqualTo(START_DATE);
    });
    Task welcome = openTask(onboarding, TASK_WELCOME_NEW_HIRE);
    assertThat(welcome).isAssignedTo("sarah");
    assertThat(welcome.getDueDate()).isEqualTo(driver.at("2031-06-09T17:00"));
    api.complete("sarah", welcome.getId(), Map.of());
    assertThat(onboarding).isWaitingAt("Timer_FirstWeekOver");
    assertThat(timerDue(onboarding)).isEqualTo(driver.at(ONE_WEEK_AFTER_START));

    driver.clockAt(ONE_WEEK_AFTER_START);
    driver.runDueJobs(onboarding.getId());
    api.complete("sarah", openTask(onboarding, TASK_FIRST_WEEK_CHECK_IN).getId(), Map.of());
    assertThat(onboarding).isWaitingAt("Timer_ProbationPeriodOver");
    assertThat(timerDue(onboarding)).isEqualTo(driver.at(PROBATION_OVER));

    driver.clockAt(PROBATION_OVER);
    driver.runDueJobs(onboarding.getId());
    reviewProbation(onboarding, "pass");

    assertThat(onboarding).isEnded().hasPassed("Task_ConfirmEmployment", "EndEvent_EmploymentConfirmed");
    HireView confirmed = stored(id);
    assertThat(confirmed.status()).isEqualTo(HireStatus.CONFIRMED);
    assertThat(confirmed.steps()).extracting(Step::step, Step::detail, Step::doneBy).contains(
        tuple(OnboardingStep.NEW_HIRE_WELCOMED, null, "sarah"),
        tuple(OnboardingStep.FIRST_WEEK_CHECKED_IN, null, "sarah"),
        tuple(OnboardingStep.PROBATION_REVIEWED, "pass", "sarah"));
    assertThat(Outbox.isQueued(jdbc, "hire-" + id + "-preparation-late")).isFalse();
    assertThat(api.withdraw("helen", id).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
  }

  @Test
  void probationExtendedThenAnotherReviewEndsTheEmployment() {
    long id = api.record(HireApi.newHire(name, START_DATE));
    ProcessInstance onboarding = preparedAndAtProbationReview(id);

    reviewProbation(onboarding, "extend");

    assertThat(onboarding).hasPassed("Task_ExtendProbation").isWaitingAt("Timer_ProbationPeriodOver");
    assertThat(runtimeService.getVariables(onboarding.getId())).as("the gateway's flag, not the form's field")
        .containsEntry(VAR_PROBATION_RESULT, "EXTEND").doesNotContainKey(FORM_PROBATION_OUTCOME);
    assertThat(stored(id).probationEndsOn()).isEqualTo(LocalDate.parse("2031-12-09"));
    assertThat(timerDue(onboarding)).isEqualTo(driver.at("2031-12-09T09:00"));

    driver.clockAt("2031-12-09T09:00");
    driver.runDueJobs(onboarding.getId());
    reviewProbation(onboarding, "end");

    assertThat(onboarding).isEnded().hasPassed("Task_EndEmployment", "EndEvent_EmploymentEnded");
    HireView ended = stored(id);
    assertThat(ended.status()).isEqualTo(HireStatus.ENDED);
    assertThat(ended.steps()).filteredOn(step -> step.step() == OnboardingStep.PROBATION_REVIEWED)
        .extracting(Step::detail).containsExactly("extend", "end");
  }

  @Test
  void itLateTwoWorkingDaysBeforeTheStartIsEscalatedToTheItLeadAndHr() {
    long id = api.record(HireApi.newHire(name, START_DATE));
    ProcessInstance onboarding = onboardingOf(id);
    api.complete("felix", openTask(onboarding, TASK_PREPARE_WORKPLACE).getId(), Map.of());
    api.complete("hugo", openTask(onboarding, TASK_COLLECT_DOCUMENTS).getId(), Map.of());

    driver.clockAt(TWO_WORKING_DAYS_BEFORE);
    driver.runDueJobs(onboarding.getId());

    assertThat(onboarding).hasPassed("Event_PreparationLate", "Task_AlertLatePreparation", "EndEvent_LeadsAlerted")
        .isWaitingAt(TASK_CREATE_ACCOUNTS, TASK_PREPARE_EQUIPMENT, "Timer_StartDateReached");
    for (String recipient : List.of("irene", "helen", "hugo")) {
      ReceivedMail alert = mailbox.awaitMails(recipient, "Preparation late: " + name, 1).get(0);
      assertThat(alert.body()).contains("- IT: create accounts", "- IT: prepare Laptop", "- IT: prepare Headset")
          .doesNotContain("- Facilities").contains("The start date stays as it is");
    }
    mailbox.awaitOutboxProcessed();
    assertThat(mailbox.mailsTo("felix", "Preparation late: " + name)).isEmpty();
    assertThat(timerDue(onboarding)).as("the start date does not move").isEqualTo(driver.at(FIRST_DAY));
    HireView hire = stored(id);
    assertThat(hire.startDate()).isEqualTo(LocalDate.parse(START_DATE));
    assertThat(hire.status()).isEqualTo(HireStatus.PREPARING);
  }

  @Test
  void onlyHrDocumentsOpenDoNotHoldUpTheFirstDay() {
    long id = api.record(HireApi.newHire(name, START_DATE));
    ProcessInstance onboarding = onboardingOf(id);
    prepareIt(onboarding);
    api.complete("felix", openTask(onboarding, TASK_PREPARE_WORKPLACE).getId(), Map.of());

    driver.clockAt(TWO_WORKING_DAYS_BEFORE);
    driver.runDueJobs(onboarding.getId());

    assertThat(onboarding).hasPassed("Task_CheckPreparation", "EndEvent_PreparationOnTrack")
        .hasNotPassed("Event_PreparationLate").isWaitingAt(TASK_COLLECT_DOCUMENTS, "Timer_StartDateReached");
    assertThat(Outbox.isQueued(jdbc, "hire-" + id + "-preparation-late")).isFalse();
  }

  @Test
  void everyLateTaskIsRemindedAndThenEscalated() {
    long id = api.record(HireApi.newHire(name, START_DATE));
    ProcessInstance onboarding = onboardingOf(id);
    String about = " (Employee onboarding " + id + ")";

    // preparation: due after 1 or 2 working days, escalated a working day later
    ladderDue(onboarding, TASK_CREATE_ACCOUNTS, "2031-06-03T10:00", "2031-06-04T10:00");
    for (String task : List.of(TASK_PREPARE_EQUIPMENT, TASK_PREPARE_WORKPLACE, TASK_COLLECT_DOCUMENTS)) {
      ladderDue(onboarding, task, "2031-06-04T10:00", "2031-06-05T10:00");
    }
    fireWhenDue(onboarding, TASK_CREATE_ACCOUNTS, SlaStep.REMINDER);
    assertThat(mailbox.awaitMails("ian", "Reminder: \"Create accounts\" is due" + about, 1)).hasSize(1);
    assertEscalated(onboarding, TASK_CREATE_ACCOUNTS, null);
    fireWhenDue(onboarding, TASK_CREATE_ACCOUNTS, SlaStep.ESCALATION); // and the other preparation is due
    assertThat(mailbox.awaitMails("irene", "Escalated: \"Create accounts\" is overdue" + about, 1)).hasSize(1);
    assertEscalated(onboarding, TASK_CREATE_ACCOUNTS, true);
    assertEscalated(onboarding, TASK_PREPARE_WORKPLACE, null);
    fireWhenDue(onboarding, TASK_PREPARE_WORKPLACE, SlaStep.ESCALATION);
    for (String task : List.of(TASK_PREPARE_EQUIPMENT, TASK_PREPARE_WORKPLACE, TASK_COLLECT_DOCUMENTS)) {
      assertEscalated(onboarding, task, true);
    }
    prepareFirstDay(onboarding);
    fireWhenDue(onboarding, "Timer_StartDateReached");
    // the welcome: due at closing on day one, escalated 4 working hours later
    ladderDue(onboarding, TASK_WELCOME_NEW_HIRE, "2031-06-09T17:00", "2031-06-10T13:00");
    fireWhenDue(onboarding, TASK_WELCOME_NEW_HIRE, SlaStep.REMINDER);
    assertThat(mailbox.awaitMails("sarah", "Reminder: \"Welcome the new hire\" is due" + about, 1)).hasSize(1);
    fireWhenDue(onboarding, TASK_WELCOME_NEW_HIRE, SlaStep.ESCALATION);
    assertEscalated(onboarding, TASK_WELCOME_NEW_HIRE, true);
    api.complete("sarah", openTask(onboarding, TASK_WELCOME_NEW_HIRE).getId(), Map.of());
    fireWhenDue(onboarding, "Timer_FirstWeekOver");
    // the check-in from Monday's opening: due after 1 working day, at its closing; escalated a working day later
    ladderDue(onboarding, TASK_FIRST_WEEK_CHECK_IN, "2031-06-16T17:00", "2031-06-17T17:00");
    fireWhenDue(onboarding, TASK_FIRST_WEEK_CHECK_IN, SlaStep.REMINDER);
    fireWhenDue(onboarding, TASK_FIRST_WEEK_CHECK_IN, SlaStep.ESCALATION);
    assertEscalated(onboarding, TASK_FIRST_WEEK_CHECK_IN, true);
    api.complete("sarah", openTask(onboarding, TASK_FIRST_WEEK_CHECK_IN).getId(), Map.of());
    fireWhenDue(onboarding, "Timer_ProbationPeriodOver");
    // the review from Tuesday's opening: due after 5 working days (Monday's closing), escalated after 10
    ladderDue(onboarding, TASK_PROBATION_REVIEW, "2031-09-15T17:00", "2031-09-22T17:00");
    fireWhenDue(onboarding, TASK_PROBATION_REVIEW, SlaStep.REMINDER);
    fireWhenDue(onboarding, TASK_PROBATION_REVIEW, SlaStep.ESCALATION);
    assertEscalated(onboarding, TASK_PROBATION_REVIEW, true);
    reviewProbation(onboarding, "pass");

    assertThat(onboarding).isEnded();
    assertThat(mailbox.awaitMails("sarah", "is due" + about, 3)).extracting(ReceivedMail::subject).containsExactlyInAnyOrder(
        "Reminder: \"Welcome the new hire\" is due" + about, "Reminder: \"First-week check-in\" is due" + about,
        "Reminder: \"Probation review\" is due" + about);
    assertThat(mailbox.awaitMails("olivia", "is overdue" + about, 3)).extracting(ReceivedMail::subject)
        .containsExactlyInAnyOrder("Escalated: \"Welcome the new hire\" is overdue" + about,
            "Escalated: \"First-week check-in\" is overdue" + about, "Escalated: \"Probation review\" is overdue" + about);
    assertThat(mailbox.awaitMails("irene", "Escalated: \"Create accounts\" is overdue" + about, 1)).hasSize(1);
    assertThat(mailbox.awaitMails("irene", "Escalated: \"Prepare laptop and equipment\" is overdue" + about, 3))
        .as("one escalation per equipment item").hasSize(3);
    assertThat(mailbox.awaitMails("felix", "Escalated: \"Prepare workplace\" is overdue" + about, 1)).hasSize(1);
    assertThat(mailbox.awaitMails("helen", "Escalated: \"Collect signed contract and documents\" is overdue" + about, 1))
        .hasSize(1);
    assertThat(mailbox.awaitMails("ian", "Reminder: \"Create accounts\" is due" + about, 1)).hasSize(1);
  }

  @Test
  void withdrawnBeforeTheStartCancelsAllWorkAndTellsWhoHadIt() {
    long id = api.record(HireApi.newHire(name, START_DATE));
    ProcessInstance onboarding = onboardingOf(id);
    taskService.setAssignee(openTask(onboarding, TASK_CREATE_ACCOUNTS).getId(), "ian");

    ResponseEntity<Map<String, Object>> withdrawn = api.withdraw("helen", id);
    assertThat(withdrawn.getStatusCode()).as("%s", withdrawn.getBody()).isEqualTo(HttpStatus.OK);
    driver.runDueJobs(onboarding.getId());

    assertThat(withdrawn.getBody()).containsEntry("status", "WITHDRAWN");
    assertThat(onboarding).isEnded().hasPassed("Task_NotifyCancelledWork", "EndEvent_OnboardingWithdrawn")
        .hasNotPassed("EndEvent_FirstDayPrepared");
    assertThat(managementService.createJobQuery().processInstanceId(onboarding.getId()).count()).isZero();
    HireView hire = stored(id);
    assertThat(hire.status()).isEqualTo(HireStatus.WITHDRAWN);
    assertThat(hire.steps()).extracting(Step::step, Step::doneBy).containsExactly(tuple(OnboardingStep.WITHDRAWN, "helen"));
    String withdrawnMail = "Cancelled: onboarding of " + name + " was withdrawn";
    assertThat(mailbox.awaitMails("ian", withdrawnMail, 1).get(0).body())
        .contains("- Create accounts", "- Prepare laptop and equipment");
    assertThat(mailbox.awaitMails("irene", withdrawnMail, 1).get(0).body())
        .contains("- Prepare laptop and equipment").doesNotContain("Create accounts");
    assertThat(mailbox.awaitMails("felix", withdrawnMail, 1).get(0).body()).contains("- Prepare workplace");
    assertThat(mailbox.awaitMails("hugo", withdrawnMail, 1).get(0).body())
        .contains("- Collect signed contract and documents");
    assertThat(Outbox.isQueued(jdbc, "hire-" + id + "-withdrawn-sarah")).as("Sarah had no task yet").isFalse();
    assertThat(api.withdraw("helen", id).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
  }

  @Test
  void withdrawnAfterTheStartCancelsTheManagersWork() {
    long id = api.record(HireApi.newHire(name, START_DATE));
    ProcessInstance onboarding = onboardingOf(id);
    prepareFirstDay(onboarding);
    driver.clockAt(FIRST_DAY);
    driver.runDueJobs(onboarding.getId());

    assertThat(api.withdraw("hugo", id).getStatusCode()).isEqualTo(HttpStatus.OK);
    driver.runDueJobs(onboarding.getId());

    assertThat(onboarding).isEnded().hasPassed("EndEvent_FirstDayPrepared", "EndEvent_OnboardingWithdrawn");
    assertThat(stored(id).status()).isEqualTo(HireStatus.WITHDRAWN);
    assertThat(mailbox.awaitMails("sarah", "Cancelled: onboarding of " + name, 1).get(0).body())
        .contains("- Welcome the new hire");
    assertThat(Outbox.isQueued(jdbc, "hire-" + id + "-withdrawn-ian")).as("IT's work was done, not cancelled").isFalse();
  }

  @Test
  void hireEnteredInTasklistIsRecordedAndTheProcessKeepsOnlyItsId() {
    Map<String, Object> form = HireApi.newHire(name, START_DATE);

    ResponseEntity<Map<String, Object>> started = submitStartForm("helen", form);

    assertThat(started.getStatusCode()).as("%s", started.getBody()).isEqualTo(HttpStatus.OK);
    ProcessInstance onboarding = runtimeService.createProcessInstanceQuery()
        .processInstanceId((String) started.getBody().get("id")).singleResult();
    assertThat(onboarding).hasPassed("StartEvent_HireEntered", "Task_RecordHire")
        .isWaitingAt(TASK_CREATE_ACCOUNTS, TASK_PREPARE_EQUIPMENT, TASK_PREPARE_WORKPLACE, TASK_COLLECT_DOCUMENTS);
    assertThat(runtimeService.getVariables(onboarding.getId())).containsOnlyKeys(VAR_HIRE_ID);
    long id = Long.parseLong(onboarding.getBusinessKey());
    HireView hire = stored(id);
    assertThat(hire.name()).isEqualTo(name);
    assertThat(hire.email()).isEqualTo(form.get("email"));
    assertThat(hire.recordedBy()).isEqualTo("helen");
    assertThat(hire.processInstanceId()).isEqualTo(onboarding.getId());
    assertThat(hire.equipment()).extracting(Equipment::item).containsExactlyElementsOf(SALES_EQUIPMENT);
  }

  @Test
  void hireRefusedInTasklistStartsNothing() {
    Map<String, Object> form = HireApi.newHire(name, "2031-06-07"); // a Saturday
    long hiresBefore = hires.count();

    ResponseEntity<Map<String, Object>> refused = submitStartForm("helen", form);

    assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat((String) refused.getBody().get("detail")).contains("startDate: 2031-06-07 is not a working day");
    assertThat(hires.count()).isEqualTo(hiresBefore);
  }

  // --- guards: only the hire's own instance moves it, and only in the order of the process ------

  @Test
  void anOnboardingStartedAtEndEmploymentForAnotherHireIsRefused() {
    long id = api.record(HireApi.newHire(name, START_DATE));
    ProcessInstance onboarding = onboardingOf(id);

    ApiException refusal = refusalOf(() -> runtimeService.createProcessInstanceByKey(PROCESS_KEY)
        .startBeforeActivity("Task_EndEmployment").setVariable(VAR_HIRE_ID, id).execute());

    assertThat(refusal.status()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(refusal.getMessage()).isEqualTo("hire " + id + " belongs to another process instance");
    assertThat(stored(id).status()).isEqualTo(HireStatus.PREPARING);
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY)
        .variableValueEquals(VAR_HIRE_ID, id).list()).extracting(ProcessInstance::getId).containsExactly(onboarding.getId());
  }

  @Test
  void theEmploymentEndsOnlyAfterAProbationReviewThatEndsIt() {
    long id = api.record(HireApi.newHire(name, START_DATE));
    ProcessInstance onboarding = preparedAndAtProbationReview(id);

    ApiException refusal = refusalOf(() -> runtimeService.createProcessInstanceModification(onboarding.getId())
        .startBeforeActivity("Task_EndEmployment").execute());

    assertThat(refusal.status()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(refusal.getMessage()).isEqualTo("hire " + id + " has no open probation review outcome and cannot have"
        + " the employment ended (only after a probation review with outcome END)");
    assertThat(stored(id).status()).isEqualTo(HireStatus.ONBOARDING);
    assertThat(onboarding).isWaitingAt(TASK_PROBATION_REVIEW);
  }

  @Test
  void aTaskCompletedWithAnotherHiresIdIsRefusedAndRecordsNothing() {
    long id = api.record(HireApi.newHire(name, START_DATE));
    long other = api.record(HireApi.newHire(name + " 2", START_DATE));
    String accounts = openTask(onboardingOf(id), TASK_CREATE_ACCOUNTS).getId();

    ApiException refusal = refusalOf(() -> taskService.complete(accounts, Map.of(VAR_HIRE_ID, other)));

    assertThat(refusal.status()).isEqualTo(HttpStatus.CONFLICT);
    assertThat(refusal.getMessage()).isEqualTo("hire " + other + " belongs to another process instance");
    assertThat(stored(id).steps()).isEmpty();
    assertThat(stored(other).steps()).isEmpty();
    assertThat(onboardingOf(id)).isWaitingAt(TASK_CREATE_ACCOUNTS);
  }

  @Test
  void aManagerIdWrittenIntoTheProcessMakesNobodyTheManager() {
    long id = api.record(HireApi.newHire(name, START_DATE));
    ProcessInstance onboarding = onboardingOf(id);
    taskService.complete(openTask(onboarding, TASK_CREATE_ACCOUNTS).getId(), Map.of("managerId", "ian"));
    openTasks(onboarding, TASK_PREPARE_EQUIPMENT).forEach(item -> api.complete("ian", item.getId(), Map.of()));
    api.complete("felix", openTask(onboarding, TASK_PREPARE_WORKPLACE).getId(), Map.of());
    api.complete("hugo", openTask(onboarding, TASK_COLLECT_DOCUMENTS).getId(), Map.of());

    driver.clockAt(FIRST_DAY);
    driver.runDueJobs(onboarding.getId());

    assertThat(openTask(onboarding, TASK_WELCOME_NEW_HIRE)).isAssignedTo("sarah");
  }

  // --- the people's work -------------------------------------------------------------------------

  /** IT, facilities and HR do their preparation. */
  private void prepareFirstDay(ProcessInstance onboarding) {
    prepareIt(onboarding);
    api.complete("felix", openTask(onboarding, TASK_PREPARE_WORKPLACE).getId(), Map.of());
    api.complete("hugo", openTask(onboarding, TASK_COLLECT_DOCUMENTS).getId(), Map.of());
  }

  private void prepareIt(ProcessInstance onboarding) {
    api.complete("ian", openTask(onboarding, TASK_CREATE_ACCOUNTS).getId(), Map.of());
    openTasks(onboarding, TASK_PREPARE_EQUIPMENT).forEach(item -> api.complete("ian", item.getId(), Map.of()));
  }

  private ProcessInstance preparedAndAtProbationReview(long hireId) {
    ProcessInstance onboarding = onboardingOf(hireId);
    prepareFirstDay(onboarding);
    reachProbationReview(onboarding);
    return onboarding;
  }

  /** From the first day to the end of probation, the manager doing her part on time. */
  private void reachProbationReview(ProcessInstance onboarding) {
    driver.clockAt(FIRST_DAY);
    driver.runDueJobs(onboarding.getId());
    api.complete("sarah", openTask(onboarding, TASK_WELCOME_NEW_HIRE).getId(), Map.of());
    driver.clockAt(ONE_WEEK_AFTER_START);
    driver.runDueJobs(onboarding.getId());
    api.complete("sarah", openTask(onboarding, TASK_FIRST_WEEK_CHECK_IN).getId(), Map.of());
    driver.clockAt(PROBATION_OVER);
    driver.runDueJobs(onboarding.getId());
  }

  private void reviewProbation(ProcessInstance onboarding, String outcome) {
    Task review = openTask(onboarding, TASK_PROBATION_REVIEW);
    assertThat(review).isAssignedTo("sarah");
    api.complete("sarah", review.getId(), Map.of(FORM_PROBATION_OUTCOME, outcome));
  }

  private ResponseEntity<Map<String, Object>> submitStartForm(String user, Map<String, Object> fields) {
    Map<String, Object> variables = new LinkedHashMap<>();
    fields.forEach((field, value) -> variables.put(field, Map.of("value", value)));
    return http.withBasicAuth(user, user).exchange(
        "/engine-rest/process-definition/key/" + PROCESS_KEY + "/submit-form", HttpMethod.POST,
        new HttpEntity<>(Map.of("variables", variables)), new ParameterizedTypeReference<>() {});
  }

  // --- engine and database -----------------------------------------------------------------------

  private ProcessInstance onboardingOf(long hireId) {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey(PROCESS_KEY)
        .processInstanceBusinessKey(String.valueOf(hireId)).singleResult();
  }

  private Task openTask(ProcessInstance onboarding, String taskKey) {
    List<Task> tasks = openTasks(onboarding, taskKey);
    assertThat(tasks).as("open %s", taskKey).hasSize(1);
    return tasks.get(0);
  }

  private List<Task> openTasks(ProcessInstance onboarding, String taskKey) {
    return taskService.createTaskQuery().processInstanceId(onboarding.getId()).taskDefinitionKey(taskKey)
        .orderByTaskId().asc().list();
  }

  private String equipmentItem(Task task) {
    return (String) taskService.getVariable(task.getId(), EmployeeOnboarding.VAR_EQUIPMENT_ITEM);
  }

  /** When the one timer the instance waits for on its main path is due. */
  private Date timerDue(ProcessInstance onboarding) {
    Job timer = managementService.createJobQuery().processInstanceId(onboarding.getId()).timers()
        .activityId(runtimeService.getActiveActivityIds(onboarding.getId()).stream()
            .filter(activity -> activity.startsWith("Timer_")).findFirst().orElseThrow())
        .singleResult();
    return timer.getDuedate();
  }

  /**
   * The task (every instance of it) is due on the working calendar, and so is its ladder: the reminder
   * at the due date, the escalation when overdue (a timer of each for every instance of the task).
   */
  private void ladderDue(ProcessInstance onboarding, String task, String dueAt, String overdueAt) {
    int open = openTasks(onboarding, task).size();
    assertThat(openTasks(onboarding, task)).isNotEmpty().extracting(Task::getDueDate).containsOnly(driver.at(dueAt));
    assertThat(driver.dueDatesOf(onboarding.getId(), task, SlaStep.REMINDER)).as("reminders of %s", task)
        .hasSize(open).containsOnly(driver.at(dueAt));
    assertThat(driver.dueDatesOf(onboarding.getId(), task, SlaStep.ESCALATION)).as("escalations of %s", task)
        .hasSize(open).containsOnly(driver.at(overdueAt));
  }

  private void fireWhenDue(ProcessInstance onboarding, String timer) {
    driver.fireWhenDue(onboarding.getId(), timer);
  }

  private void fireWhenDue(ProcessInstance onboarding, String task, SlaStep step) {
    driver.fireWhenDue(onboarding.getId(), task, step);
  }

  /** The Tasklist flag of every open instance of the task: null before the escalation, true after. */
  private void assertEscalated(ProcessInstance onboarding, String task, Boolean escalated) {
    assertThat(openTasks(onboarding, task)).isNotEmpty().allSatisfy(open -> assertThat(
        taskService.getVariableLocal(open.getId(), TasklistFilters.ESCALATED_VARIABLE)).as("%s escalated", task).isEqualTo(escalated));
  }


  private HireView stored(long id) {
    return transaction.execute(status -> HireView.of(hires.get(id)));
  }


}
