package io.opsflow;

import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;

/**
 * A write without a body, as a script or integration sends it: with the header that tells our API
 * it is no cross-site form ({@code X-Requested-With}).
 */
public final class BodylessWrite {

  private BodylessWrite() {}

  public static HttpEntity<Void> request() {
    HttpHeaders headers = new HttpHeaders();
    headers.set("X-Requested-With", "opsflow-tests");
    return new HttpEntity<>(headers);
  }
}
