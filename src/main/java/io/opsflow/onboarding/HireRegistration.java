package io.opsflow.onboarding;

import io.opsflow.platform.ApiException;
import io.opsflow.platform.EngineIdentity;
import io.opsflow.platform.Organisation;
import io.opsflow.platform.WorkingCalendar;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Set;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records a hire once it is complete and plausible: all fields, a known department and manager,
 * and a start date on a working day at least {@value #MIN_WORKING_DAYS_AHEAD} working days ahead
 * (so there is time to prepare). Anything else is refused naming the field, and nothing is stored.
 */
@Service
class HireRegistration {

  static final int MIN_WORKING_DAYS_AHEAD = 3;

  private final Validator validator;
  private final Organisation organisation;
  private final WorkingCalendar calendar;
  private final OnboardingProperties properties;
  private final HireRepository hires;
  private final EngineIdentity identity;

  HireRegistration(Validator validator, Organisation organisation, WorkingCalendar calendar,
      OnboardingProperties properties, HireRepository hires, EngineIdentity identity) {
    this.validator = validator;
    this.organisation = organisation;
    this.calendar = calendar;
    this.properties = properties;
    this.hires = hires;
    this.identity = identity;
  }

  /** Checks and stores a hire, recorded by the logged-in user; the caller starts its onboarding. */
  @Transactional
  Hire register(HireRequest request) {
    LocalDate startDate = check(request);
    return hires.save(new Hire(request, startDate, properties.equipmentFor(request.role()),
        properties.probationPeriod(), identity.currentUserId(), ClockUtil.now().toInstant()));
  }

  /** Checks and stores a hire entered in the Tasklist start form of this onboarding instance. */
  @Transactional
  long registerOnboarded(HireRequest request, String processInstanceId) {
    Hire hire = register(request);
    hire.onboardedBy(processInstanceId);
    return hire.id();
  }

  /** Refuses the request naming the field, or returns its start date. */
  private LocalDate check(HireRequest request) {
    Set<ConstraintViolation<HireRequest>> violations = validator.validate(request);
    if (!violations.isEmpty()) {
      throw new ConstraintViolationException(violations);
    }
    if (!organisation.isDepartment(request.department())) {
      throw ApiException.badField("department", "'" + request.department() + "' is no department; known are "
          + String.join(", ", organisation.departmentIds()));
    }
    if (!organisation.userExists(request.managerId())) {
      throw ApiException.badField("managerId", "'" + request.managerId() + "' is no user");
    }
    LocalDate startDate = parse(request.startDate());
    checkStartDate(startDate);
    refuseTwice(request.email().strip(), startDate);
    return startDate;
  }

  /** The same person starting on the same day is one hire: a second request (a retry, a double click) is refused. */
  private void refuseTwice(String email, LocalDate startDate) {
    hires.findByEmailIgnoreCaseAndStartDate(email, startDate).stream().filter(hire -> !hire.status().isFinal())
        .findFirst().ifPresent(open -> {
          throw ApiException.conflict("hire " + open.id() + " of " + email + " starting " + startDate
              + " is already recorded (" + open.status() + "); withdraw it first to record it again");
        });
  }

  private static LocalDate parse(String startDate) {
    try {
      return LocalDate.parse(startDate.strip());
    } catch (DateTimeParseException e) {
      throw ApiException.badField("startDate", "'" + startDate + "' is not a date such as 2031-06-09");
    }
  }

  private void checkStartDate(LocalDate startDate) {
    LocalDate today = LocalDate.ofInstant(ClockUtil.now().toInstant(), calendar.zone());
    if (startDate.isBefore(today)) {
      throw ApiException.badField("startDate", startDate + " is in the past");
    }
    if (!calendar.isWorkingDay(startDate)) {
      throw ApiException.badField("startDate", startDate + " is not a working day");
    }
    LocalDate earliest = workingDaysAfter(today, MIN_WORKING_DAYS_AHEAD);
    if (startDate.isBefore(earliest)) {
      throw ApiException.badField("startDate", startDate + " leaves less than " + MIN_WORKING_DAYS_AHEAD
          + " working days to prepare; the earliest start is " + earliest);
    }
  }

  private LocalDate workingDaysAfter(LocalDate day, int workingDays) {
    LocalDate date = day;
    for (int counted = 0; counted < workingDays; ) {
      date = date.plusDays(1);
      if (calendar.isWorkingDay(date)) {
        counted++;
      }
    }
    return date;
  }
}
