package io.opsflow.platform;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the designers' files live. A folder that does not exist on disk falls back to the copy
 * packaged in the jar ({@code classpath:opsflow/processes/}, {@code classpath:opsflow/forms/}).
 */
@ConfigurationProperties("opsflow.deployment")
record DeploymentProperties(String processesDir, String formsDir) {

  DeploymentProperties {
    processesDir = processesDir == null ? "processes" : processesDir;
    formsDir = formsDir == null ? "forms" : formsDir;
  }
}
