package io.opsflow.platform;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opsflow.OpsflowSpringTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.Resource;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.builder.UserTaskBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;

/** The designers' folders deployed at start-up: changed files only, forms together with their processes. */
@OpsflowSpringTest
class FolderDeploymentTest {

  @Autowired
  RepositoryService repositoryService;

  @TempDir
  Path folder;
  private Path processes;
  private Path forms;
  private FolderDeployment folderDeployment;

  @BeforeEach
  void designerFolders() throws IOException {
    processes = Files.createDirectory(folder.resolve("processes"));
    forms = Files.createDirectory(folder.resolve("forms"));
    folderDeployment = new FolderDeployment(repositoryService,
        new DesignerFiles(new DeploymentProperties(processes.toString(), forms.toString())));
  }

  @Test
  void restartWithoutChangeDeploysNothing() throws IOException {
    writeProcess("folder-unchanged.bpmn", "Process_FolderUnchanged", "Handle order", "Form_FolderUnchanged");
    writeForm("folder-unchanged.form", "Form_FolderUnchanged", "Order number");
    assertThat(folderDeployment.deployChanges()).isNotNull();
    long deployments = repositoryService.createDeploymentQuery().count();

    Deployment restart = folderDeployment.deployChanges();

    assertThat(restart).isNull();
    assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deployments);
    assertThat(latestVersion("Process_FolderUnchanged")).isOne();
  }

  @Test
  void oneChangedFileGivesOneNewVersionOfItsDefinitionOnly() throws IOException {
    writeProcess("folder-changed.bpmn", "Process_FolderChanged", "Pack order", "Form_FolderChanged");
    writeForm("folder-changed.form", "Form_FolderChanged", "Parcel count");
    writeProcess("folder-untouched.bpmn", "Process_FolderUntouched", "Ship order", null);
    folderDeployment.deployChanges();

    writeProcess("folder-changed.bpmn", "Process_FolderChanged", "Pack and weigh order", "Form_FolderChanged");
    Deployment deployment = folderDeployment.deployChanges();

    assertThat(resourceNames(deployment)).containsExactlyInAnyOrder("folder-changed.bpmn", "folder-changed.form");
    assertThat(latestVersion("Process_FolderChanged")).isEqualTo(2);
    assertThat(latestVersion("Process_FolderUntouched")).isOne();
  }

  @Test
  void changedFormRedeploysTheProcessesReferencingIt() throws IOException {
    writeProcess("folder-form-user.bpmn", "Process_FolderFormUser", "Check invoice", "Form_FolderInvoice");
    writeForm("folder-invoice.form", "Form_FolderInvoice", "Invoice number");
    writeProcess("folder-form-free.bpmn", "Process_FolderFormFree", "File invoice", null);
    folderDeployment.deployChanges();

    writeForm("folder-invoice.form", "Form_FolderInvoice", "Invoice number and date");
    Deployment deployment = folderDeployment.deployChanges();

    assertThat(resourceNames(deployment)).containsExactlyInAnyOrder("folder-invoice.form", "folder-form-user.bpmn");
    assertThat(latestVersion("Process_FolderFormUser")).isEqualTo(2);
    assertThat(latestVersion("Process_FolderFormFree")).isOne();
  }

  @Test
  void brokenFileFailsTheStartUpNamingFileAndElement() throws IOException {
    Files.writeString(processes.resolve("folder-broken.bpmn"), Bpmn.convertToString(
        Bpmn.createExecutableProcess("Process_FolderBroken").startEvent().userTask("Task_NobodyAssigned")
            .endEvent().done()));

    assertThatThrownBy(() -> folderDeployment.run(new DefaultApplicationArguments()))
        .isInstanceOf(ParseException.class)
        .hasMessageContaining("folder-broken.bpmn")
        .hasMessageContaining("Task_NobodyAssigned");
    assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey("Process_FolderBroken").count())
        .isZero();
  }

  /** A process with one user task for sales, with or without a form. */
  private void writeProcess(String fileName, String processId, String taskName, String formId) throws IOException {
    UserTaskBuilder task = Bpmn.createExecutableProcess(processId).startEvent()
        .userTask("Task_" + processId.substring("Process_".length())).name(taskName).camundaCandidateGroups("sales");
    if (formId != null) {
      task.camundaFormRef(formId).camundaFormRefBinding("deployment");
    }
    Files.writeString(processes.resolve(fileName), Bpmn.convertToString(task.endEvent().done()));
  }

  private void writeForm(String fileName, String formId, String fieldLabel) throws IOException {
    Files.writeString(forms.resolve(fileName), """
        {"id": "%s", "type": "default", "executionPlatform": "Camunda Platform", "executionPlatformVersion": "7.24.0",
         "components": [{"key": "field", "label": "%s", "type": "textfield"}]}""".formatted(formId, fieldLabel), UTF_8);
  }

  private int latestVersion(String processKey) {
    return repositoryService.createProcessDefinitionQuery().processDefinitionKey(processKey).latestVersion()
        .singleResult().getVersion();
  }

  private List<String> resourceNames(Deployment deployment) {
    assertThat(deployment).as("a new deployment").isNotNull();
    return repositoryService.getDeploymentResources(deployment.getId()).stream().map(Resource::getName).toList();
  }
}
