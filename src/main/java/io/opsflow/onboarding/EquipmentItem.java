package io.opsflow.onboarding;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;

/** An item of equipment the hire's role needs, and who prepared it when. */
@Embeddable
class EquipmentItem {

  @Column(nullable = false, length = 100)
  private String item;
  @Column(length = 64)
  private String preparedBy;
  private Instant preparedAt;

  protected EquipmentItem() {}

  EquipmentItem(String item) {
    this.item = item;
  }

  String item() {
    return item;
  }

  String preparedBy() {
    return preparedBy;
  }

  Instant preparedAt() {
    return preparedAt;
  }

  boolean isPrepared() {
    return preparedAt != null;
  }

  void prepared(String by, Instant at) {
    preparedBy = by;
    preparedAt = at;
  }
}
