package io.opsflow.platform;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_REVOKE;

import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.db.DbEntity;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's authorization manager, with two costs of every engine command taken out, and
 * enforcement exactly as before:
 * <ul>
 *   <li><b>Grants only.</b> Opsflow expresses rights as grants; a revoke authorization (type
 *   {@value Authorization#AUTH_TYPE_REVOKE}) is refused when it is created or saved, through any
 *   door (engine REST API, Admin, Java): {@link RefusedInput}, 400 naming {@code type}. With no
 *   revokes in the database, Camunda's {@code authorizationCheckRevokes=never} gives the same
 *   answers as its default {@code auto}, which asks the database per command whether a revoke
 *   applies to the user; {@link #chooseRevokeCheck} sets it at start-up.</li>
 *   <li><b>The groups with authorizations</b> (Camunda reads them once per command) are kept per
 *   engine ({@link AuthorizedGroups}, which says why that never grants too much); a group that gets
 *   its first authorization here is added when its transaction commits.</li>
 * </ul>
 */
class OpsflowAuthorizationManager extends AuthorizationManager {

  static final String GRANTS_ONLY = "must be 1 (grant) or 0 (global): Opsflow does not use revoke authorizations"
      + " (type 2); grant fewer permissions, or delete the grant";
  private static final Logger LOG = LoggerFactory.getLogger(OpsflowAuthorizationManager.class);

  private final AuthorizedGroups groups;

  OpsflowAuthorizationManager(AuthorizedGroups groups) {
    this.groups = groups;
  }

  /** Opens one per engine command, as the engine's own {@code GenericManagerFactory} does; the groups are the engine's. */
  static SessionFactory factory() {
    AuthorizedGroups groups = new AuthorizedGroups();
    return new SessionFactory() {
      @Override
      public Class<?> getSessionType() {
        return AuthorizationManager.class;
      }

      @Override
      public Session openSession() {
        return new OpsflowAuthorizationManager(groups);
      }
    };
  }

  /**
   * At start-up: {@code authorizationCheckRevokes=never} when the database holds no revoke
   * authorization (none can be added while Opsflow runs). If some exist (written before Opsflow
   * refused them, or into the database directly), the engine keeps {@code auto}, which enforces
   * them exactly, and says so: refusing to start would stop all work for a cost in speed only.
   * A mode set explicitly ({@code always}, {@code never}) is left alone.
   */
  static void chooseRevokeCheck(ProcessEngine engine) {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    if (!ProcessEngineConfiguration.AUTHORIZATION_CHECK_REVOKE_AUTO.equalsIgnoreCase(configuration.getAuthorizationCheckRevokes())) {
      return;
    }
    List<Authorization> revokes = engine.getAuthorizationService().createAuthorizationQuery()
        .authorizationType(AUTH_TYPE_REVOKE).listPage(0, 10);
    if (revokes.isEmpty()) {
      configuration.setAuthorizationCheckRevokes(ProcessEngineConfiguration.AUTHORIZATION_CHECK_REVOKE_NEVER);
      return;
    }
    LOG.warn("The database holds revoke authorizations (ids {}{}), which Opsflow no longer creates: every engine"
        + " command checks for them (authorizationCheckRevokes=auto), which costs a query per command. Replace them"
        + " with narrower grants, delete them (Admin > Authorizations) and restart.",
        revokes.stream().map(Authorization::getId).toList(), revokes.size() == 10 ? " and more" : "");
  }

  @Override
  public void insert(DbEntity authorization) {
    AuthorizationEntity entity = (AuthorizationEntity) authorization;
    refuseRevoke(entity);
    super.insert(entity);
    groupAuthorized(entity);
  }

  @Override
  public void update(AuthorizationEntity authorization) {
    refuseRevoke(authorization);
    super.update(authorization);
    groupAuthorized(authorization);
  }

  @Override
  protected Set<String> getAllGroups() {
    if (availableAuthorizedGroupIds == null) {
      availableAuthorizedGroupIds = groups.get(this::readAuthorizedGroups);
    }
    return availableAuthorizedGroupIds;
  }

  @SuppressWarnings("unchecked")
  private List<String> readAuthorizedGroups() {
    return getDbEntityManager().selectList("selectAuthorizedGroupIds");
  }

  private static void refuseRevoke(AuthorizationEntity authorization) {
    if (authorization.getAuthorizationType() == AUTH_TYPE_REVOKE) {
      throw new RefusedInput("type", GRANTS_ONLY);
    }
  }

  /** A group's first authorization counts in checks once its transaction has committed. */
  private void groupAuthorized(AuthorizationEntity authorization) {
    String groupId = authorization.getGroupId();
    if (groupId != null && !groups.contains(groupId)) {
      Context.getCommandContext().getTransactionContext()
          .addTransactionListener(TransactionState.COMMITTED, committed -> groups.added(groupId));
    }
  }
}
