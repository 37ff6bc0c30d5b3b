package io.opsflow.platform;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The keys of {@link IdempotencyFilter}, per user, endpoint and key, for 24 hours. A first
 * request claims its key in a transaction of its own, so a second request with the key sees it
 * running (409); the answer is stored in the transaction of the creation itself, so an answer is
 * stored exactly when the creation committed. A claim whose JVM died before committing is taken
 * over by a retry after {@link #ABANDONED_AFTER}; should the first request still be running
 * then, it finds its claim gone when it stores its answer and rolls its creation back.
 */
@Component
class IdempotencyKeys {

  static final Duration KEPT_FOR = Duration.ofHours(24);
  static final Duration ABANDONED_AFTER = Duration.ofMinutes(1);
  private static final int ATTEMPTS = 3;
  private static final Logger LOG = LoggerFactory.getLogger(IdempotencyKeys.class);

  /** What a request with a key does: run, holding the claim, or answer what the first one answered. */
  sealed interface Claim {}

  record Granted(long id, String token) implements Claim {}

  record Replay(String body) implements Claim {}

  private final IdempotentRequestRepository requests;
  private final TransactionTemplate ownTransaction;

  IdempotencyKeys(IdempotentRequestRepository requests, PlatformTransactionManager transactions) {
    this.requests = requests;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /**
   * Claims the key for a request with a body of this hash, or tells what the first request with
   * it answered; refuses with 422 when the key came with another body, 409 while it runs.
   */
  Claim claim(String userId, String endpoint, String key, String requestHash) {
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      Instant now = now();
      Optional<IdempotentRequest> found = ownTransaction.execute(status ->
          requests.findByUserIdAndEndpointAndKey(userId, endpoint, key));
      if (found.isEmpty()) {
        Claim claimed = insert(new IdempotentRequest(userId, endpoint, key, requestHash, newToken(), now));
        if (claimed != null) {
          return claimed;
        }
        continue; // another request with the key came first: look again
      }
      IdempotentRequest first = found.get();
      if (first.createdAt().isBefore(now.minus(KEPT_FOR))) {
        ownTransaction.execute(status -> requests.deleteExpired(first.id(), now.minus(KEPT_FOR)));
        continue;
      }
      if (!first.requestHash().equals(requestHash)) {
        throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, IdempotencyFilter.HEADER + ": '" + key
            + "' was used for a different request to " + endpoint + " within the last 24 hours; send a new key with a new request");
      }
      if (first.isAnswered()) {
        return new Replay(first.responseBody());
      }
      String token = newToken();
      if (first.claimedAt().isBefore(now.minus(ABANDONED_AFTER))
          && ownTransaction.execute(status -> requests.takeOver(first.id(), token, now, now.minus(ABANDONED_AFTER))) == 1) {
        LOG.warn("{} {} of {}: the first request never answered; a retry runs it", IdempotencyFilter.HEADER, key, userId);
        return new Granted(first.id(), token);
      }
      break;
    }
    throw ApiException.conflict(IdempotencyFilter.HEADER + ": a request with '" + key
        + "' is still running; retry when it has answered");
  }

  /**
   * Stores the answer of the claimed request, in the caller's transaction (the creation's);
   * false when a retry has taken the claim over, and the creation must be rolled back.
   */
  boolean answer(Granted claim, int status, String body) {
    return requests.answer(claim.id(), claim.token(), status, body) == 1;
  }

  /**
   * Gives up the claim of a request that failed, so the key may be used again; where the
   * database cannot be reached, a retry takes the claim over after {@link #ABANDONED_AFTER}.
   */
  void release(Granted claim) {
    try {
      ownTransaction.execute(status -> requests.release(claim.id(), claim.token()));
    } catch (RuntimeException e) {
      LOG.warn("the claim of an idempotency key could not be released; a retry takes it over after {}: {}",
          ABANDONED_AFTER, e.getMessage());
    }
  }

  @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1M")
  void purgeExpired() {
    Integer purged = ownTransaction.execute(status -> requests.deleteAllExpired(now().minus(KEPT_FOR)));
    LOG.debug("{} idempotency keys older than {} purged", purged, KEPT_FOR);
  }

  private Claim insert(IdempotentRequest request) {
    try {
      return ownTransaction.execute(status -> {
        IdempotentRequest saved = requests.saveAndFlush(request);
        return new Granted(saved.id(), saved.claimToken());
      });
    } catch (DataIntegrityViolationException raced) {
      return null;
    }
  }

  private static String newToken() {
    return UUID.randomUUID().toString();
  }

  /** The engine's clock, which tests move. */
  private static Instant now() {
    return ClockUtil.getCurrentTime().toInstant();
  }
}
