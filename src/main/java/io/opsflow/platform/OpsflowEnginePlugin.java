package io.opsflow.platform;

import java.util.ArrayList;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Engine wiring that properties cannot express: deploy-time validation of every model, the
 * server-side check of form submissions, the rules of who may do what with a task
 * ({@link TaskRules}), and the history level {@link OpsflowHistoryLevel}.
 */
@Component
class OpsflowEnginePlugin extends AbstractProcessEnginePlugin {

  private final FormSchemas formSchemas;
  private final ObjectProvider<Organisation> organisation;

  OpsflowEnginePlugin(FormSchemas formSchemas, ObjectProvider<Organisation> organisation) {
    this.formSchemas = formSchemas;
    this.organisation = organisation;
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
  }
}
