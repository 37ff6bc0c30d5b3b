package io.opsflow.platform;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.time.Instant;

/**
 * A creation sent with an {@code Idempotency-Key}: who sent it where with which key, a hash of
 * its body, and once it succeeded its answer. Until then it is claimed by the request running it
 * ({@code claimToken}); see {@link IdempotencyKeys}.
 */
@Entity
@Table(name = "ops_idempotent_request",
    uniqueConstraints = @UniqueConstraint(name = "uk_idempotent_request", columnNames = {"user_id", "endpoint", "idempotency_key"}),
    indexes = @Index(name = "ix_idempotent_request_created", columnList = "created_at"))
class IdempotentRequest {

  static final int MAX_KEY_LENGTH = 100;
  static final int MAX_BODY_LENGTH = 100_000;

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "user_id", nullable = false, length = 64)
  private String userId;

  /** Method and path, e.g. {@code POST /api/orders}. */
  @Column(nullable = false, length = 200)
  private String endpoint;

  @Column(name = "idempotency_key", nullable = false, length = MAX_KEY_LENGTH)
  private String key;

  /** SHA-256 of the request body, hex. */
  @Column(name = "request_hash", nullable = false, length = 64)
  private String requestHash;

  @Column(name = "claim_token", nullable = false, length = 36)
  private String claimToken;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "claimed_at", nullable = false)
  private Instant claimedAt;

  /** Null while the first request runs. */
  @Column(name = "response_status")
  private Integer responseStatus;

  @Column(name = "response_body", length = MAX_BODY_LENGTH)
  private String responseBody;

  protected IdempotentRequest() {}

  IdempotentRequest(String userId, String endpoint, String key, String requestHash, String claimToken, Instant now) {
    this.userId = userId;
    this.endpoint = endpoint;
    this.key = key;
    this.requestHash = requestHash;
    this.claimToken = claimToken;
    this.createdAt = now;
    this.claimedAt = now;
  }

  Long id() {
    return id;
  }

  String claimToken() {
    return claimToken;
  }

  String requestHash() {
    return requestHash;
  }

  Instant createdAt() {
    return createdAt;
  }

  Instant claimedAt() {
    return claimedAt;
  }

  boolean isAnswered() {
    return responseStatus != null;
  }

  String responseBody() {
    return responseBody;
  }
}
