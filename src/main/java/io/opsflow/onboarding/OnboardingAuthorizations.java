package io.opsflow.onboarding;

import static io.opsflow.onboarding.EmployeeOnboarding.GROUP_HR;
import static io.opsflow.onboarding.EmployeeOnboarding.PROCESS_KEY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Lets HR withdraw hires: a withdrawal correlates a message to the running onboarding, which the
 * engine allows only with UPDATE_INSTANCE on the process definition. {@code ProcessAccess} grants
 * starters READ and CREATE_INSTANCE only, so this adds the permission to HR's grant, idempotently,
 * after the platform's access seed. To go once {@code ProcessAccess} can name such groups.
 */
@Component
@Order(OnboardingAuthorizations.ORDER)
class OnboardingAuthorizations implements ApplicationRunner {

  /** After the platform's {@code AccessSeed} (order 20), whose grant this extends. */
  static final int ORDER = 25;

  private final AuthorizationService authorizations;

  OnboardingAuthorizations(AuthorizationService authorizations) {
    this.authorizations = authorizations;
  }

  @Override
  public void run(ApplicationArguments args) {
    Authorization grant = authorizations.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT)
        .groupIdIn(GROUP_HR).resourceType(Resources.PROCESS_DEFINITION).resourceId(PROCESS_KEY).singleResult();
    if (grant == null) {
      grant = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
      grant.setGroupId(GROUP_HR);
      grant.setResource(Resources.PROCESS_DEFINITION);
      grant.setResourceId(PROCESS_KEY);
    } else if (grant.isPermissionGranted(ProcessDefinitionPermissions.UPDATE_INSTANCE)) {
      return;
    }
    grant.addPermission(ProcessDefinitionPermissions.UPDATE_INSTANCE);
    authorizations.saveAuthorization(grant);
  }
}
