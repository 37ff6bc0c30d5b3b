package io.opsflow.platform;

import java.time.Instant;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface IdempotentRequestRepository extends JpaRepository<IdempotentRequest, Long> {

  Optional<IdempotentRequest> findByUserIdAndEndpointAndKey(String userId, String endpoint, String key);

  /** Stores the answer, if the claim is still this one's; 0 when a retry has taken it over. */
  @Modifying
  @Query("""
      update IdempotentRequest r set r.responseStatus = :status, r.responseBody = :body
      where r.id = :id and r.claimToken = :token and r.responseStatus is null""")
  int answer(@Param("id") long id, @Param("token") String token, @Param("status") int status, @Param("body") String body);

  /**
   * Takes over a claim whose request is gone (its JVM died before it committed); 0 when it
   * answered or someone else took it meanwhile.
   */
  @Modifying
  @Query("""
      update IdempotentRequest r set r.claimToken = :token, r.claimedAt = :now
      where r.id = :id and r.responseStatus is null and r.claimedAt < :abandonedBefore""")
  int takeOver(@Param("id") long id, @Param("token") String token, @Param("now") Instant now,
      @Param("abandonedBefore") Instant abandonedBefore);

  /** Gives up a claim whose request failed, so the key can be used again. */
  @Modifying
  @Query("delete from IdempotentRequest r where r.id = :id and r.claimToken = :token and r.responseStatus is null")
  int release(@Param("id") long id, @Param("token") String token);

  @Modifying
  @Query("delete from IdempotentRequest r where r.id = :id and r.createdAt < :expiredBefore")
  int deleteExpired(@Param("id") long id, @Param("expiredBefore") Instant expiredBefore);

  @Modifying
  @Query("delete from IdempotentRequest r where r.createdAt < :expiredBefore")
  int deleteAllExpired(@Param("expiredBefore") Instant expiredBefore);
}
