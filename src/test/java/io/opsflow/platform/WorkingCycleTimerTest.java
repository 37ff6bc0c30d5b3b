package io.opsflow.platform;

import static io.opsflow.platform.TestCalendar.BERLIN;
import static io.opsflow.platform.TestCalendar.berlin;
import static io.opsflow.platform.TestCalendar.calendar;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.calendar.CycleBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.MapBusinessCalendarManager;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A timer start event with a working cycle on a real engine (engine clock): it fires on the
 * calendar, and each firing schedules the next one on it, holidays included.
 */
class WorkingCycleTimerTest {

  static final String PROCESS = "Process_Recurring";

  ProcessEngine engine;

  @BeforeEach
  void engine() {
    ClockUtil.setCurrentTime(Date.from(berlin("2027-03-17T10:00")));
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
        .createStandaloneInMemProcessEngineConfiguration()
        .setJdbcUrl("jdbc:h2:mem:recurring-" + UUID.randomUUID())
        .setProcessEngineName("recurring-" + UUID.randomUUID())
        .setJobExecutorActivate(false);
    engine = configuration.buildProcessEngine();
    // the Monday after Easter 2027 is a holiday
    ((MapBusinessCalendarManager) configuration.getBusinessCalendarManager()).addBusinessCalendar(
        CycleBusinessCalendar.NAME, new WorkingCycleBusinessCalendar(calendar(BERLIN, LocalDate.parse("2027-03-29"))));
    engine.getRepositoryService().createDeployment().addModelInstance("recurring.bpmn", Bpmn.createExecutableProcess(PROCESS)
        .camundaHistoryTimeToLive(1).startEvent("StartEvent_EveryMonday").timerWithCycle("working: weekly MONDAY 09:00")
        .endEvent().done()).deploy();
  }

  @AfterEach
  void close() {
    ClockUtil.reset();
    engine.close();
  }

  @Test
  void theStartTimerFiresEveryMondayAndOnTuesdayAfterAMondayHoliday() {
    assertThat(dueDate()).isEqualTo(berlin("2027-03-22T09:00"));

    fire();
    assertThat(dueDate()).isEqualTo(berlin("2027-03-30T09:00"));

    fire();
    assertThat(dueDate()).isEqualTo(berlin("2027-04-05T09:00"));
    assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(PROCESS).count())
        .isEqualTo(2);
  }

  private void fire() {
    Job job = engine.getManagementService().createJobQuery().singleResult();
    ClockUtil.setCurrentTime(job.getDuedate());
    engine.getManagementService().executeJob(job.getId());
  }

  private Instant dueDate() {
    return engine.getManagementService().createJobQuery().singleResult().getDuedate().toInstant();
  }
}
