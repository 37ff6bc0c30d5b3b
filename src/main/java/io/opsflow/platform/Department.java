package io.opsflow.platform;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A department: a Camunda group whose members work its tasks, and the lead who answers for it. */
@Entity
@Table(name = "OPS_DEPARTMENT")
class Department {

  @Id
  private String groupId;
  private String leadUserId;

  protected Department() {}

  Department(String groupId, String leadUserId) {
    this.groupId = groupId;
    this.leadUserId = leadUserId;
  }

  String groupId() {
    return groupId;
  }

  String leadUserId() {
    return leadUserId;
  }
}
