package io.opsflow.platform;

import org.camunda.bpm.engine.authorization.Groups;

/**
 * The groups Opsflow's rules name: the departments that start and work processes, management who
 * reads everything, and Camunda's administrators. Seeded by {@link DemoOrganisation}; a real
 * organisation uses the same ids.
 */
public final class OpsflowGroups {

  /** Camunda's own administrator group ({@code camunda-admin}): may do everything. */
  public static final String ADMINISTRATORS = Groups.CAMUNDA_ADMIN;
  /** Reads every process, task and its history; sees insight and Cockpit. */
  public static final String MANAGEMENT = "management";

  public static final String SALES = "sales";
  public static final String FINANCE = "finance";
  public static final String WAREHOUSE = "warehouse";
  public static final String HR = "hr";
  public static final String IT = "it";
  public static final String FACILITIES = "facilities";

  private OpsflowGroups() {}
}
