package org.amity.common.messaging;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.Session;

/**
 * Remembers which events a consumer has processed, in the consumer's own transaction: when the
 * handler's transaction commits, so does the mark; when it rolls back, the event is new again.
 */
@ApplicationScoped
public class Inbox {

    /** One statement for a whole batch: the ids it inserts are the ones never seen before. */
    private static final String MARK = "insert into processed_event (consumer, event_id) "
            + "select ?, unnest(?::uuid[]) on conflict do nothing returning event_id";

    @Inject
    EntityManager entityManager;

    /**
     * Marks every event as processed by this consumer and returns the ids it had not processed before (an id
     * given twice is returned once). The others are redeliveries, to be skipped.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Set<UUID> firstDeliveries(String consumer, Collection<UUID> eventIds) {
        Set<UUID> fresh = new HashSet<>();
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement mark = connection.prepareStatement(MARK)) {
                mark.setString(1, consumer);
                mark.setArray(2, connection.createArrayOf("uuid", eventIds.toArray()));
                try (ResultSet inserted = mark.executeQuery()) {
                    while (inserted.next()) {
                        fresh.add(inserted.getObject(1, UUID.class));
                    }
                }
            }
        });
        return fresh;
    }
}
