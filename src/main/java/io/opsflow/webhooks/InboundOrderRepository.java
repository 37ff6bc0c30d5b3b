package io.opsflow.webhooks;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface InboundOrderRepository extends JpaRepository<InboundOrder, Long> {

  Optional<InboundOrder> findBySourceAndExternalId(String source, String externalId);
}
