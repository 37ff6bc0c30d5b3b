package io.opsflow.platform;

import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/** The engine identity of the current request, and a way to look at the data beyond it. */
@Component
public class EngineIdentity {

  private final IdentityService identityService;

  EngineIdentity(IdentityService identityService) {
    this.identityService = identityService;
  }

  /** The logged-in user, or null when no one is (start-up, jobs). */
  public String currentUserId() {
    Authentication authentication = identityService.getCurrentAuthentication();
    return authentication == null ? null : authentication.getUserId();
  }

  /**
   * Runs a read without the current user's authorization checks, to tell "does not exist" from
   * "not yours". Never use it to change data on a user's behalf.
   */
  public <T> T unchecked(Supplier<T> read) {
    Authentication authentication = identityService.getCurrentAuthentication();
    identityService.clearAuthentication();
    try {
      return read.get();
    } finally {
      if (authentication != null) {
        identityService.setAuthentication(authentication);
      }
    }
  }
}
