package io.opsflow.sla;

import static org.assertj.core.api.Assertions.assertThat;

import io.opsflow.OpsflowSpringTest;
import io.opsflow.platform.WorkingCalendar;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Who stands in for an absent manager; a far-future day, so that no other test meets it. */
@OpsflowSpringTest
class AbsencesTest {

  static final LocalDate DAY = LocalDate.parse("2092-03-04");

  @Autowired Absences absences;
  @Autowired AbsenceRepository repository;
  @Autowired WorkingCalendar calendar;

  @BeforeEach
  void onThatDay() {
    ClockUtil.setCurrentTime(Date.from(DAY.atTime(10, 0).atZone(calendar.zone()).toInstant()));
  }

  @AfterEach
  void removeAbsencesAndResetClock() {
    repository.deleteAll(repository.findAll().stream().filter(a -> a.from().equals(DAY)).toList());
    ClockUtil.reset();
  }

  @Test
  void theTopManagerAwayIsStoodInForByTheirSubstitute() {
    repository.save(new Absence("olivia", DAY, DAY, "fiona", "olivia", Instant.now()));

    assertThat(absences.managerFor("olivia")).isEqualTo("fiona");
  }
}
