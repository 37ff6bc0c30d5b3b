package io.opsflow.platform;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Where the handbook ({@code io.opsflow.handbook}) explains a process and each of its steps, for
 * the links that lead from the work to it (task mails, Tasklist). Here because the mails of
 * {@code sla} and the handbook's pages both need it and neither may use the other.
 */
public final class HandbookLinks {

  /** The handbook's pages, behind the employees' login. */
  public static final String PATH = "/handbook";

  private HandbookLinks() {}

  /** The page of a process (its latest version). */
  public static String process(String processKey) {
    return PATH + "/processes/" + URLEncoder.encode(processKey, StandardCharsets.UTF_8);
  }

  /** A step of a process: the process page at the step's anchor. */
  public static String step(String processKey, String stepId) {
    return process(processKey) + "#" + anchor(stepId);
  }

  /** The anchor of a step on every page of the handbook that shows it. */
  public static String anchor(String stepId) {
    return "step-" + stepId;
  }
}
