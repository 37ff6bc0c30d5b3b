package io.opsflow.platform;

import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.TransactionState;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.IdentityOperationResult;
import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;

/**
 * The engine's own identity provider, which tells {@link VerifiedLogins} when a login may no
 * longer be what it was: a user saved (a new password), deleted or unlocked, a group saved or
 * deleted, a membership created or deleted (every login forgotten); a wrong password, after which
 * Camunda delays and in the end locks the user (that user's logins forgotten). Forgotten at the
 * change and once more when its transaction commits, so that no check that read the old state in
 * between stays remembered.
 */
class ChangeAwareIdentityProvider extends DbIdentityServiceProvider {

  private final VerifiedLogins logins;

  ChangeAwareIdentityProvider(VerifiedLogins logins) {
    this.logins = logins;
  }

  /** Opens one per engine command, as the engine's own {@code GenericManagerFactory} does. */
  static SessionFactory factory(VerifiedLogins logins) {
    return new SessionFactory() {
      @Override
      public Class<?> getSessionType() {
        return DbIdentityServiceProvider.class;
      }

      @Override
      public Session openSession() {
        return new ChangeAwareIdentityProvider(logins);
      }
    };
  }

  @Override
  public IdentityOperationResult saveUser(User user) {
    return changed(super.saveUser(user));
  }

  @Override
  public IdentityOperationResult deleteUser(String userId) {
    return changed(super.deleteUser(userId));
  }

  @Override
  public IdentityOperationResult unlockUser(String userId) {
    return changed(super.unlockUser(userId));
  }

  /** After every wrong password of an existing user: Camunda delays, and in the end locks, them. */
  @Override
  protected void lockUser(UserEntity user) {
    super.lockUser(user);
    String userId = user.getId();
    logins.forgetUser(userId);
    afterCommit(() -> logins.forgetUser(userId));
  }

  @Override
  public IdentityOperationResult deleteGroup(String groupId) {
    return changed(super.deleteGroup(groupId));
  }

  @Override
  public IdentityOperationResult saveGroup(Group group) {
    return changed(super.saveGroup(group));
  }

  @Override
  public IdentityOperationResult createMembership(String userId, String groupId) {
    return changed(super.createMembership(userId, groupId));
  }

  @Override
  public IdentityOperationResult deleteMembership(String userId, String groupId) {
    return changed(super.deleteMembership(userId, groupId));
  }

  private IdentityOperationResult changed(IdentityOperationResult result) {
    logins.forgetAll();
    afterCommit(logins::forgetAll);
    return result;
  }

  private static void afterCommit(Runnable forget) {
    CommandContext command = Context.getCommandContext();
    if (command != null) {
      command.getTransactionContext().addTransactionListener(TransactionState.COMMITTED, committed -> forget.run());
    }
  }
}
