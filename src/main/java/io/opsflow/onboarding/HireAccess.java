package io.opsflow.onboarding;

import static io.opsflow.onboarding.EmployeeOnboarding.GROUP_HR;

import io.opsflow.platform.ApiException;
import io.opsflow.platform.EngineIdentity;
import java.util.Set;
import org.camunda.bpm.engine.authorization.Groups;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Who may do what with hires through the API: HR (and administrators) record and withdraw them;
 * HR, administrators and management see all hires, a manager sees their own.
 */
@Component
class HireAccess {

  static final String MANAGEMENT = "management";
  private static final Set<String> HR_WORK = Set.of(GROUP_HR, Groups.CAMUNDA_ADMIN);
  private static final Set<String> SEE_ALL = Set.of(GROUP_HR, Groups.CAMUNDA_ADMIN, MANAGEMENT);

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

  private static boolean inAnyOf(Set<String> groups) {
    Authentication login = SecurityContextHolder.getContext().getAuthentication();
    return login != null && login.getAuthorities().stream().map(GrantedAuthority::getAuthority).anyMatch(groups::contains);
  }
}
