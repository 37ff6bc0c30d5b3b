package io.opsflow.decide;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface DecisionLinkRepository extends JpaRepository<DecisionLink, Long> {

  Optional<DecisionLink> findByTokenHash(String tokenHash);
}
