package io.opsflow.platform;

/**
 * The rule that binds business data to its process: an order, change or hire is changed only by
 * the steps of the process instance it was started as, so a second instance started for it, or a
 * step given another one's id, changes nothing (409).
 */
public final class OwnInstance {

  private OwnInstance() {}

  /**
   * Refuses a step of any instance but {@code own}. {@code own} is null only inside the
   * transaction that creates the entity through our API, where its instance's first steps run
   * before the start returns the instance id.
   */
  public static void require(String entity, Object id, String own, String stepProcessInstanceId) {
    if (own != null && !own.equals(stepProcessInstanceId)) {
      throw ApiException.conflict(entity + " " + id + " belongs to another process instance");
    }
  }
}
