package io.opsflow.decide;

import io.opsflow.platform.OpsflowProperties;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The "Approve" and "Reject" links of the mail about an approval task (a task whose form is a
 * {@link DecisionForm}): one pair per task and recipient, stored as the hash of a random token.
 * A link opens a confirmation page ({@link DecisionPage}) after a login; it is no credential.
 */
@Service
public class DecisionLinks {

  /** The two links of one mail. */
  public record Links(String approve, String reject) {}

  static final String PATH = "/me/decide/";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final DecisionLinkRepository links;
  private final DecisionForms forms;
  private final OpsflowProperties properties;

  DecisionLinks(DecisionLinkRepository links, DecisionForms forms,
      OpsflowProperties properties) {
    this.links = links;
    this.forms = forms;
    this.properties = properties;
  }

  /** Whether the mails about this task, as it is being created or assigned, carry decision links. */
  public boolean isDecidable(DelegateTask task) {
    return decisionForm(task).isPresent();
  }

  /** New links for this recipient of a mail about the task, if it is an approval; in the caller's transaction. */
  @Transactional
  public Optional<Links> issue(DelegateTask task, String recipient) {
    if (decisionForm(task).isEmpty()) {
      return Optional.empty();
    }
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    links.save(new DecisionLink(hash(token), task.getId(), recipient, Instant.now()));
    String link = properties.link(PATH + token + "?decision=");
    return Optional.of(new Links(link + DecisionForm.APPROVE, link + DecisionForm.REJECT));
  }

  private Optional<DecisionForm> decisionForm(DelegateTask task) {
    var formRef = ((TaskEntity) task).getTaskDefinition().getCamundaFormDefinitionKey();
    return forms.of(task.getProcessDefinitionId(), task.getTaskDefinitionKey(),
        formRef == null ? null : formRef.getExpressionText());
  }

  /** The SHA-256 of a token, as stored. */
  static String hash(String token) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java", e);
    }
  }
}
