package io.opsflow.platform;

import java.util.ArrayList;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.calendar.CycleBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.MapBusinessCalendarManager;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Engine wiring that properties cannot express: deploy-time validation of every model, the
 * server-side check of form submissions, the rules of who may do what with a task
 * ({@link TaskRules}), the history level {@link OpsflowHistoryLevel}, and cycle timers on the
 * working calendar ({@link WorkingCycle}); the identity provider that keeps {@link VerifiedLogins}
 * up to date; the authorization manager that refuses revokes and keeps the groups with
 * authorizations per engine ({@link OpsflowAuthorizationManager}).
 */
@Component
class OpsflowEnginePlugin extends AbstractProcessEnginePlugin {

  private final FormSchemas formSchemas;
  private final ObjectProvider<Organisation> organisation;
  private final WorkingCalendar calendar;
  private final VerifiedLogins verifiedLogins;

  OpsflowEnginePlugin(FormSchemas formSchemas, ObjectProvider<Organisation> organisation, WorkingCalendar calendar,
      VerifiedLogins verifiedLogins) {
    this.formSchemas = formSchemas;
    this.organisation = organisation;
    this.calendar = calendar;
    this.verifiedLogins = verifiedLogins;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (configuration.getCustomPreDeployers() == null) {
      configuration.setCustomPreDeployers(new ArrayList<>());
    }
    configuration.getCustomPreDeployers().add(new ModelValidationDeployer());
    if (configuration.getCustomPostBPMNParseListeners() == null) {
      configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
    }
    configuration.getCustomPostBPMNParseListeners().add(new FormSubmissionCheck(formSchemas));
    configuration.getCustomPostBPMNParseListeners().add(new TaskRules.OnEveryUserTask(new TaskRules(organisation)));
    if (configuration.getCustomHistoryLevels() == null) {
      configuration.setCustomHistoryLevels(new ArrayList<>());
    }
    configuration.getCustomHistoryLevels().add(new OpsflowHistoryLevel());
    configuration.setIdentityProviderSessionFactory(ChangeAwareIdentityProvider.factory(verifiedLogins));
    if (configuration.getCustomSessionFactories() == null) {
      configuration.setCustomSessionFactories(new ArrayList<>());
    }
    configuration.getCustomSessionFactories().add(OpsflowAuthorizationManager.factory());
  }

  /** Cycle timers on the working calendar ({@link WorkingCycle}) next to ISO 8601 and cron. */
  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    ((MapBusinessCalendarManager) configuration.getBusinessCalendarManager())
        .addBusinessCalendar(CycleBusinessCalendar.NAME, new WorkingCycleBusinessCalendar(calendar));
  }

  /** Revoke checks off when the database holds no revoke authorization (none can be added). */
  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    OpsflowAuthorizationManager.chooseRevokeCheck(engine);
  }
}
