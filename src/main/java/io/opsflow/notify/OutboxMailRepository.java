package io.opsflow.notify;

import java.util.Collection;
import java.util.Optional;

interface OutboxMailRepository extends OutboxRepository<OutboxMail> {

  boolean existsByKey(String key);

  long countByStatusIn(Collection<? extends Enum<?>> statuses);

  Optional<OutboxMail> findByKey(String key);
}
