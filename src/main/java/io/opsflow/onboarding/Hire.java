package io.opsflow.onboarding;

import io.opsflow.platform.ApiException;
import io.opsflow.platform.OwnInstance;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A new hire and their onboarding: the personal data HR recorded, the equipment their role needs
 * and who did which step when. The process instance only holds the id.
 */
@Entity
@Table(name = "OPS_HIRE")
class Hire {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;
  @Column(nullable = false, length = 200)
  private String name;
  @Column(nullable = false, length = 200)
  private String email;
  @Column(nullable = false, length = 100)
  private String role;
  @Column(nullable = false, length = 64)
  private String department;
  @Column(nullable = false, length = 64)
  private String managerId;
  @Column(nullable = false)
  private LocalDate startDate;
  @Column(nullable = false)
  private LocalDate probationEndsOn;
  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  @Column(nullable = false, length = 20)
  private HireStatus status = HireStatus.PREPARING;
  @Column(length = 64)
  private String processInstanceId;
  @Column(length = 64)
  private String recordedBy;
  @Column(nullable = false)
  private Instant recordedAt;
  /** The outcome of the latest probation review until the process has acted on it, else null. */
  @Enumerated(EnumType.STRING)
  @JdbcTypeCode(SqlTypes.VARCHAR)
  @Column(length = 10)
  private ProbationOutcome probationOutcome;

  @ElementCollection
  @CollectionTable(name = "OPS_HIRE_EQUIPMENT", joinColumns = @JoinColumn(name = "HIRE_ID"))
  @OrderColumn(name = "POSITION")
  private List<EquipmentItem> equipment = new ArrayList<>();

  @ElementCollection
  @CollectionTable(name = "OPS_HIRE_STEP", joinColumns = @JoinColumn(name = "HIRE_ID"))
  @OrderColumn(name = "POSITION")
  private List<CompletedStep> steps = new ArrayList<>();

  protected Hire() {}

  Hire(HireRequest request, LocalDate startDate, List<String> equipmentItems, Period probation, String recordedBy,
      Instant recordedAt) {
    this.name = request.name().strip();
    this.email = request.email().strip();
    this.role = request.role().strip();
    this.department = request.department();
    this.managerId = request.managerId();
    this.startDate = startDate;
    this.probationEndsOn = startDate.plus(probation);
    this.recordedBy = recordedBy;
    this.recordedAt = recordedAt;
    equipmentItems.forEach(item -> equipment.add(new EquipmentItem(item)));
  }

  void onboardedBy(String processInstanceId) {
    this.processInstanceId = processInstanceId;
  }

  /**
   * Refuses a step of any process instance but this hire's own. The instance id is null only
   * inside the transaction that records the hire through the API, where the instance's first
   * steps run before the start returns its id.
   */
  void requireProcessInstance(String stepProcessInstanceId) {
    OwnInstance.require("hire", id, processInstanceId, stepProcessInstanceId);
  }

  /** The start date has come. */
  void started() {
    requireStatus(Set.of(HireStatus.PREPARING), "start onboarding");
    status = HireStatus.ONBOARDING;
  }

  /** "Confirm employment": only after a probation review that passed. */
  void confirmed() {
    actOnProbationOutcome(ProbationOutcome.PASS, "have the employment confirmed");
    status = HireStatus.CONFIRMED;
  }

  /** "End employment": only after a probation review that ended it. */
  void ended() {
    actOnProbationOutcome(ProbationOutcome.END, "have the employment ended");
    status = HireStatus.ENDED;
  }

  /** "Extend probation": only after a probation review that extended it. */
  void extendProbation(Period extension) {
    actOnProbationOutcome(ProbationOutcome.EXTEND, "have the probation extended");
    probationEndsOn = probationEndsOn.plus(extension);
  }

  void withdrawn(String by, Instant at) {
    if (status.isFinal()) {
      throw ApiException.conflict("hire " + id + " is already " + status.name().toLowerCase(Locale.ROOT)
          + "; there is nothing to withdraw");
    }
    status = HireStatus.WITHDRAWN;
    steps.add(new CompletedStep(OnboardingStep.WITHDRAWN, null, by, at));
  }

  /**
   * Records a step done in the status the process does it in; for equipment, the item it was
   * about is marked prepared (once); a probation review keeps its outcome for the next step.
   */
  void done(OnboardingStep step, String detail, String by, Instant at) {
    requireStatus(step.doneWhile(), "have " + step + " recorded");
    if (step == OnboardingStep.EQUIPMENT_PREPARED) {
      List<EquipmentItem> items = equipment.stream().filter(needed -> needed.item().equals(detail)).toList();
      if (items.isEmpty()) {
        throw ApiException.conflict("hire " + id + " needs no equipment item '" + detail + "'");
      }
      items.stream().filter(item -> !item.isPrepared()).findFirst().orElseThrow(() -> ApiException.conflict(
          "equipment item '" + detail + "' of hire " + id + " is already prepared")).prepared(by, at);
      return;
    }
    if (step == OnboardingStep.PROBATION_REVIEWED) {
      probationOutcome = ProbationOutcome.of(detail);
    }
    steps.add(new CompletedStep(step, detail, by, at));
  }

  private void actOnProbationOutcome(ProbationOutcome expected, String transition) {
    requireStatus(Set.of(HireStatus.ONBOARDING), transition);
    if (probationOutcome != expected) {
      throw ApiException.conflict("hire " + id + " has " + (probationOutcome == null ? "no open probation review outcome"
          : "the probation review outcome " + probationOutcome) + " and cannot " + transition
          + " (only after a probation review with outcome " + expected + ")");
    }
    probationOutcome = null;
  }

  /** "hire 5 is PREPARING and cannot have the employment ended (only when ONBOARDING)" as a 409. */
  private void requireStatus(Set<HireStatus> allowed, String transition) {
    if (!allowed.contains(status)) {
      throw ApiException.conflict("hire " + id + " is " + status + " and cannot " + transition + " (only when "
          + allowed.stream().map(Enum::name).sorted().collect(Collectors.joining(" or ")) + ")");
    }
  }

  boolean hasDone(OnboardingStep step) {
    return steps.stream().anyMatch(done -> done.step() == step);
  }

  Long id() {
    return id;
  }

  String name() {
    return name;
  }

  String email() {
    return email;
  }

  String role() {
    return role;
  }

  String department() {
    return department;
  }

  String managerId() {
    return managerId;
  }

  LocalDate startDate() {
    return startDate;
  }

  LocalDate probationEndsOn() {
    return probationEndsOn;
  }

  HireStatus status() {
    return status;
  }

  String processInstanceId() {
    return processInstanceId;
  }

  String recordedBy() {
    return recordedBy;
  }

  Instant recordedAt() {
    return recordedAt;
  }

  List<EquipmentItem> equipment() {
    return Collections.unmodifiableList(equipment);
  }

  List<CompletedStep> steps() {
    return Collections.unmodifiableList(steps);
  }
}
