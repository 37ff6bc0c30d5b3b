package io.opsflow.platform;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GLOBAL;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Engine authorizations, granted idempotently at every start (all profiles):
 * everyone uses Tasklist and sees people and groups; {@code management} reads every process,
 * instance, task and its history in Cockpit and Tasklist; each department starts and sees its
 * processes ({@link ProcessAccess}). {@code camunda-admin} gets everything from the starter.
 */
@Component
@Order(AccessSeed.ORDER)
class AccessSeed implements ApplicationRunner {

  static final int ORDER = 20;

  private final AuthorizationService authorizations;
  private final List<ProcessAccess> processAccess;

  AccessSeed(AuthorizationService authorizations, List<ProcessAccess> processAccess) {
    this.authorizations = authorizations;
    this.processAccess = processAccess;
  }

  @Override
  public void run(ApplicationArguments args) {
    grantEveryone(Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    grantEveryone(Resources.USER, ANY, Permissions.READ);
    grantEveryone(Resources.GROUP, ANY, Permissions.READ);

    grant(OpsflowGroups.MANAGEMENT, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    grant(OpsflowGroups.MANAGEMENT, Resources.PROCESS_DEFINITION, ANY, Permissions.READ, Permissions.READ_INSTANCE,
        Permissions.READ_HISTORY, Permissions.READ_TASK);
    grant(OpsflowGroups.MANAGEMENT, Resources.PROCESS_INSTANCE, ANY, Permissions.READ);
    grant(OpsflowGroups.MANAGEMENT, Resources.TASK, ANY, Permissions.READ);
    grant(OpsflowGroups.MANAGEMENT, Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY);
    grant(OpsflowGroups.MANAGEMENT, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ);
    grant(OpsflowGroups.MANAGEMENT, Resources.DEPLOYMENT, ANY, Permissions.READ);

    for (ProcessAccess access : processAccess) {
      access.starterGroups().forEach(group -> {
        grant(group, Resources.PROCESS_DEFINITION, access.processKey(), Permissions.READ, Permissions.CREATE_INSTANCE);
        grant(group, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);
      });
      access.participantGroups().forEach(group ->
          grant(group, Resources.PROCESS_DEFINITION, access.processKey(), Permissions.READ));
    }
  }

  /** Grants a permission on a resource to every authenticated user, unless already granted. */
  void grantEveryone(Resource resource, String resourceId, Permission... permissions) {
    Authorization existing = authorizations.createAuthorizationQuery().authorizationType(AUTH_TYPE_GLOBAL)
        .resourceType(resource).resourceId(resourceId).singleResult();
    Authorization authorization = existing != null ? existing : authorizations.createNewAuthorization(AUTH_TYPE_GLOBAL);
    authorization.setUserId(ANY);
    save(authorization, resource, resourceId, permissions);
  }

  void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
    Authorization existing = authorizations.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT)
        .groupIdIn(groupId).resourceType(resource).resourceId(resourceId).singleResult();
    Authorization authorization = existing != null ? existing : authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
    authorization.setGroupId(groupId);
    save(authorization, resource, resourceId, permissions);
  }

  private void save(Authorization authorization, Resource resource, String resourceId, Permission... permissions) {
    if (authorization.getId() != null && List.of(permissions).stream().allMatch(authorization::isPermissionGranted)) {
      return;
    }
    authorization.setResource(resource);
    authorization.setResourceId(resourceId);
    for (Permission permission : permissions) {
      authorization.addPermission(permission);
    }
    authorizations.saveAuthorization(authorization);
  }
}
