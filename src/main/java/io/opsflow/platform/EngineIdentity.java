package io.opsflow.platform;

import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/** The engine identity of the current request, and a way to look at the data beyond it. */
@Component
public class EngineIdentity {

  private final IdentityService identityService;

  EngineIdentity(IdentityService identityService) {
    this.identityService = identityService;
  }

  /** Whether these groups make a person an administrator: {@code camunda-admin}. */
  static boolean isAdministrator(Collection<String> groupIds) {
    return groupIds != null && groupIds.contains(Groups.CAMUNDA_ADMIN);
  }

  /**
   * Whether the logged-in user is an administrator or a member of one of these groups, by the
   * groups of the engine identity of the request (the same for our API, the engine REST API and
   * Tasklist). Each process package's {@code ...Access} class states its rules with it.
   */
  public boolean isAdministratorOrInAnyOf(Collection<String> groups) {
    Authentication authentication = identityService.getCurrentAuthentication();
    Collection<String> memberOf = authentication == null || authentication.getGroupIds() == null ? List.of()
        : authentication.getGroupIds();
    return isAdministrator(memberOf) || groups.stream().anyMatch(memberOf::contains);
  }

  /** Whether the logged-in user is an administrator; false when no one is logged in. */
  public boolean currentUserIsAdministrator() {
    Authentication authentication = identityService.getCurrentAuthentication();
    return authentication != null && isAdministrator(authentication.getGroupIds());
  }

  /** The logged-in user, or null when no one is (start-up, jobs). */
  public String currentUserId() {
    Authentication authentication = identityService.getCurrentAuthentication();
    return authentication == null ? null : authentication.getUserId();
  }

  /** The logged-in user with their groups, or null when no one is. */
  Authentication currentAuthentication() {
    return identityService.getCurrentAuthentication();
  }

  /**
   * Runs engine calls as the engine itself, without the current user's authorization checks. For
   * two things only: reads that tell "does not exist" from "not yours", and a business step our
   * own service has just authorized by its rules (a cancellation by sales, stock booked in by the
   * warehouse) where giving users the engine right would let them skip steps through the REST API.
   */
  public <T> T asEngine(Supplier<T> engineCalls) {
    Authentication authentication = identityService.getCurrentAuthentication();
    identityService.clearAuthentication();
    try {
      return engineCalls.get();
    } finally {
      if (authentication != null) {
        identityService.setAuthentication(authentication);
      }
    }
  }
}
