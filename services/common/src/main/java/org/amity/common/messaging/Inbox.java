package org.amity.common.messaging;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Remembers which events a consumer has processed, in the consumer's own transaction: when the
 * handler's transaction commits, so does the mark; when it rolls back, the event is new again.
 */
@ApplicationScoped
public class Inbox {

    @Inject
    EntityManager entityManager;

    /** True the first time this consumer sees the event; false for a redelivery, which must be skipped. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstDelivery(String consumer, UUID eventId) {
        int inserted = entityManager
                .createNativeQuery("insert into processed_event (consumer, event_id) values (:consumer, :eventId) "
                        + "on conflict do nothing")
                .setParameter("consumer", consumer)
                .setParameter("eventId", eventId)
                .executeUpdate();
        return inserted == 1;
    }
}
