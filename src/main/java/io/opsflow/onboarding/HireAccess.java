package io.opsflow.onboarding;

import io.opsflow.platform.ApiException;
import io.opsflow.platform.EngineIdentity;
import io.opsflow.platform.OpsflowGroups;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Who may do what with hires through the API: HR (and administrators) record and withdraw them;
 * HR, administrators and management see all hires, a manager sees their own.
 */
@Component
class HireAccess {

  private static final Set<String> HR_WORK = Set.of(OpsflowGroups.HR);
  private static final Set<String> SEE_ALL = Set.of(OpsflowGroups.HR, OpsflowGroups.MANAGEMENT);

  private final EngineIdentity identity;

  HireAccess(EngineIdentity identity) {
    this.identity = identity;
  }

  void requireHr(String toDoWhat) {
    if (!inAnyOf(HR_WORK)) {
      throw new ApiException(HttpStatus.FORBIDDEN, "only HR may " + toDoWhat);
    }
  }

  boolean maySeeAll() {
    return inAnyOf(SEE_ALL);
  }

  void requireMaySee(Hire hire) {
    if (!maySeeAll() && !hire.managerId().equals(currentUser())) {
      throw new ApiException(HttpStatus.FORBIDDEN, "hire " + hire.id() + " is not yours to see");
    }
  }

  String currentUser() {
    return identity.currentUserId();
  }

  private boolean inAnyOf(Set<String> groups) {
    return identity.isAdministratorOrInAnyOf(groups);
  }
}
