package io.opsflow.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * The Camunda Forms of deployed process definitions, parsed once per use (a definition's start
 * form, or the form of one of its tasks): a deployed definition never changes its forms.
 */
@Component
class FormSchemas {

  private final Map<String, FormSchema> schemas = new ConcurrentHashMap<>();

  FormSchema ofStart(String processDefinitionId, Supplier<InputStream> deployedForm) {
    return schemas.computeIfAbsent(processDefinitionId + "/start", use -> parse(deployedForm));
  }

  FormSchema ofTask(String processDefinitionId, String taskDefinitionKey, Supplier<InputStream> deployedForm) {
    return schemas.computeIfAbsent(processDefinitionId + "/task/" + taskDefinitionKey, use -> parse(deployedForm));
  }

  private static FormSchema parse(Supplier<InputStream> deployedForm) {
    try (InputStream form = deployedForm.get()) {
      return FormSchema.parse(form);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
