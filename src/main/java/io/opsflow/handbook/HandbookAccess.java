package io.opsflow.handbook;

import io.opsflow.platform.EngineIdentity;
import io.opsflow.platform.OpsflowGroups;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Who reads which part of the handbook: everyone the processes they may start (the engine's
 * authorizations) or work in (a step offered to one of their groups or named for them);
 * management and administrators every process and every group's work; the gaps are for
 * administrators.
 */
@Component
class HandbookAccess {

  /** The logged-in reader of the request, with their groups. */
  record Reader(String userId, List<String> groups) {

    boolean seesAll() {
      return groups.contains(OpsflowGroups.MANAGEMENT) || groups.contains(OpsflowGroups.ADMINISTRATORS);
    }

    boolean isAdministrator() {
      return groups.contains(OpsflowGroups.ADMINISTRATORS);
    }
  }

  private final IdentityService identityService;
  private final AuthorizationService authorizationService;
  private final EngineIdentity identity;

  HandbookAccess(IdentityService identityService, AuthorizationService authorizationService, EngineIdentity identity) {
    this.identityService = identityService;
    this.authorizationService = authorizationService;
    this.identity = identity;
  }

  Reader reader() {
    Authentication login = identityService.getCurrentAuthentication();
    return new Reader(login.getUserId(), login.getGroupIds() == null ? List.of() : List.copyOf(login.getGroupIds()));
  }

  boolean mayRead(Reader reader, ProcessHandbook handbook) {
    return reader.seesAll() || worksIn(reader, handbook) || mayStart(reader, handbook.key());
  }

  /** A group's work: for its members, management and administrators. */
  boolean mayReadRole(Reader reader, String group) {
    return reader.seesAll() || reader.groups().contains(group);
  }

  boolean worksIn(Reader reader, ProcessHandbook handbook) {
    return handbook.steps().stream().anyMatch(step -> step.performer().users().contains(reader.userId())
        || step.performer().groups().stream().anyMatch(reader.groups()::contains));
  }

  boolean mayStart(Reader reader, String processKey) {
    return identity.asEngine(() -> authorizationService.isUserAuthorized(reader.userId(), reader.groups(),
        Permissions.CREATE_INSTANCE, Resources.PROCESS_DEFINITION, processKey));
  }
}
