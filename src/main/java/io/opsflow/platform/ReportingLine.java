package io.opsflow.platform;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

/** Who a user reports to: escalations go up this line. */
@Entity
@Table(name = "OPS_REPORTING_LINE", indexes = @Index(name = "OPS_IDX_REPORTING_MANAGER", columnList = "managerId"))
class ReportingLine {

  @Id
  private String userId;
  @Column(nullable = false)
  private String managerId;

  protected ReportingLine() {}

  ReportingLine(String userId, String managerId) {
    this.userId = userId;
    this.managerId = managerId;
  }

  String userId() {
    return userId;
  }

  String managerId() {
    return managerId;
  }
}
