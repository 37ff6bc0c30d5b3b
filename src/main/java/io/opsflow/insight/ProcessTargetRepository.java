package io.opsflow.insight;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface ProcessTargetRepository extends JpaRepository<ProcessTarget, Long> {

  /** The setting in force for each process that has one, by process key. */
  @Query("select t from ProcessTarget t where t.id in (select max(x.id) from ProcessTarget x group by x.processKey)"
      + " order by t.processKey")
  List<ProcessTarget> findCurrent();

  Optional<ProcessTarget> findFirstByProcessKeyOrderByIdDesc(String processKey);

  /** Every setting of a process, newest first. */
  List<ProcessTarget> findByProcessKeyOrderByIdDesc(String processKey);
}
