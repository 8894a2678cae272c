package org.amity.common.messaging;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.amity.contracts.EventCodec;
import org.amity.contracts.EventEnvelope;

/**
 * Appends events to the outbox inside the caller's transaction, so that a state change and its
 * events commit or roll back together. The event is validated against its schema here: an invalid
 * event fails the whole transaction instead of reaching Kafka.
 */
@ApplicationScoped
public class Outbox {

    @Inject
    EntityManager entityManager;

    @Inject
    OutboxRelay relay;

    @Transactional(Transactional.TxType.MANDATORY)
    public void append(String topic, EventEnvelope event) {
        OutboxMessage message = new OutboxMessage();
        message.eventId = event.eventId();
        message.eventType = event.eventType();
        message.schemaVersion = event.schemaVersion();
        message.topic = topic;
        message.messageKey = event.aggregateId();
        message.payload = EventCodec.encode(event);
        message.createdAt = Instant.now();
        entityManager.persist(message);
        relay.wakeUpAfterCommit();
    }
}
