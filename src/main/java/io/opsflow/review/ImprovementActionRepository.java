package io.opsflow.review;

import java.time.Instant;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ImprovementActionRepository extends JpaRepository<ImprovementAction, Long> {

  List<ImprovementAction> findByReviewIdOrderById(Long reviewId);

  /**
   * A department's actions of earlier reviews that matter in the next one: those still open, and
   * those done since {@code doneSince}.
   */
  @Query("select a from ImprovementAction a where a.department = ?1 and a.createdAt < ?2"
      + " and (a.doneAt is null or a.doneAt >= ?3) order by a.dueDate, a.id")
  List<ImprovementAction> forNextReview(String department, Instant createdBefore, Instant doneSince);

  /** The newest 500: the most one list shows. */
  List<ImprovementAction> findTop500ByOrderByIdDesc();
}
