package io.opsflow.sla;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Starts and ends absences on the engine clock: an absence whose first day has come hands over
 * its person's tasks; one whose last day has passed reports what was handed over. Recording an
 * absence that runs today, or ending one early, does the same at once ({@link AbsenceRegister}).
 */
@Service
class AbsenceSweep {

  private static final Logger LOG = LoggerFactory.getLogger(AbsenceSweep.class);

  private final AbsenceRepository absences;
  private final Absences today;
  private final AbsenceHandover handover;

  AbsenceSweep(AbsenceRepository absences, Absences today, AbsenceHandover handover) {
    this.absences = absences;
    this.today = today;
    this.handover = handover;
  }

  @Scheduled(cron = "${opsflow.absences.sweep-cron:0 */5 * * * *}", zone = "#{@workingCalendar.zone().id}")
  void regularly() {
    int changed = sweep();
    if (changed > 0) {
      LOG.info("absences: {} started or ended", changed);
    }
  }

  /** Hands over for the absences that began and reports for those that are over; returns how many. */
  @Transactional
  int sweep() {
    int changed = 0;
    for (Absence absence : absences.findStartedNotHandedOver(today.today())) {
      handover.start(absence);
      changed++;
    }
    for (Absence absence : absences.findOverNotReported(today.today())) {
      handover.report(absence);
      changed++;
    }
    return changed;
  }
}
