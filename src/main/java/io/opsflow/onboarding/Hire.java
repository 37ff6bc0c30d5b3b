package io.opsflow.onboarding;

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
  @Column(nullable = false, length = 20)
  private HireStatus status = HireStatus.PREPARING;
  @Column(length = 64)
  private String processInstanceId;
  @Column(length = 64)
  private String recordedBy;
  @Column(nullable = false)
  private Instant recordedAt;

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

  void started() {
    status = HireStatus.ONBOARDING;
  }

  void confirmed() {
    status = HireStatus.CONFIRMED;
  }

  void ended() {
    status = HireStatus.ENDED;
  }

  void extendProbation(Period extension) {
    probationEndsOn = probationEndsOn.plus(extension);
  }

  void withdrawn(String by, Instant at) {
    status = HireStatus.WITHDRAWN;
    steps.add(new CompletedStep(OnboardingStep.WITHDRAWN, null, by, at));
  }

  /** Records a step; for equipment, the item it was about is marked prepared. */
  void done(OnboardingStep step, String detail, String by, Instant at) {
    if (step == OnboardingStep.EQUIPMENT_PREPARED) {
      equipment.stream().filter(item -> item.item().equals(detail)).findFirst()
          .orElseThrow(() -> new IllegalArgumentException("hire " + id + " needs no equipment item '" + detail + "'"))
          .prepared(by, at);
    } else {
      steps.add(new CompletedStep(step, detail, by, at));
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
