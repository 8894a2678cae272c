package org.amity.common.messaging;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.amity.contracts.EventCodec;
import org.amity.contracts.EventEnvelope;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;

/**
 * Appends events to the outbox inside the caller's transaction, so that a state change and its
 * events commit or roll back together. The event is validated against its schema here: an invalid
 * event fails the whole transaction instead of reaching Kafka. A service may turn that check off for its
 * production runs ({@code amity.outbox.validate-events=false}) only when its tests run with it on, so that every
 * event its tests make it emit is checked, and its consumers check each event on receipt anyway.
 *
 * <p>Work that appends many events in one transaction (a consumer's batch, a batch of reports) runs inside
 * {@link #collecting}: its events are written in one statement when the work is done, instead of one round trip
 * each. Rows keep the order in which they were appended (the relay sends them in that order).
 */
@ApplicationScoped
public class Outbox {

    /** One row: a plain insert, cheaper than building six one-element arrays. */
    private static final String INSERT_ONE = "insert into outbox_message (event_id, event_type, schema_version, topic, "
            + "message_key, payload) values (?, ?, ?, ?, ?, ?) returning id";

    private static final String INSERT = "with written as (insert into outbox_message (event_id, event_type, "
            + "schema_version, topic, message_key, payload) select e, t, v, tp, k, p from unnest(?::uuid[], ?::text[], "
            + "?::int[], ?::text[], ?::text[], ?::text[]) with ordinality as r(e, t, v, tp, k, p, n) order by n "
            + "returning id, event_id) select id, event_id from written order by id";

    @Inject
    EntityManager entityManager;

    @Inject
    OutboxRelay relay;

    @ConfigProperty(name = "amity.outbox.validate-events", defaultValue = "true")
    boolean validateEvents;

    /** The events appended inside {@link #collecting}, on this thread (a transaction belongs to one thread). */
    private final ThreadLocal<List<Row>> collected = new ThreadLocal<>();

    @Transactional(Transactional.TxType.MANDATORY)
    public void append(String topic, EventEnvelope event) {
        Row row = new Row(event.eventId(), event.eventType(), event.schemaVersion(), topic, event.aggregateId(),
                validateEvents ? EventCodec.encode(event) : EventCodec.encodeUnchecked(event));
        List<Row> rows = collected.get();
        if (rows != null) {
            rows.add(row);
        } else {
            write(List.of(row));
        }
    }

    /**
     * Runs the work in the caller's transaction and writes the events it appended in one statement once it
     * returns. When the work throws, nothing is written (the transaction is failing anyway). Nested calls join
     * the outer one.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void collecting(Runnable work) {
        if (collected.get() != null) {
            work.run();
            return;
        }
        List<Row> rows = new ArrayList<>();
        collected.set(rows);
        try {
            work.run();
        } finally {
            collected.remove();
        }
        if (!rows.isEmpty()) {
            write(rows);
        }
    }

    /**
     * Inserts the rows, and hands them to the relay with their ids, to send once the transaction commits, in id
     * order (the order in which the insert took them, which is the order they were appended in).
     */
    private void write(List<Row> rows) {
        relay.relayAfterCommit(entityManager.unwrap(Session.class).doReturningWork(connection -> {
            if (rows.size() == 1) {
                Row row = rows.get(0);
                try (PreparedStatement insert = connection.prepareStatement(INSERT_ONE)) {
                    insert.setObject(1, row.eventId());
                    insert.setString(2, row.eventType());
                    insert.setInt(3, row.schemaVersion());
                    insert.setString(4, row.topic());
                    insert.setString(5, row.messageKey());
                    insert.setString(6, row.payload());
                    try (ResultSet result = insert.executeQuery()) {
                        result.next();
                        return List.of(row.withId(result.getLong(1)));
                    }
                }
            }
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                insert.setArray(1, array(connection, "uuid", rows.stream().map(Row::eventId).toArray()));
                insert.setArray(2, array(connection, "text", rows.stream().map(Row::eventType).toArray()));
                insert.setArray(3, array(connection, "int4", rows.stream().map(Row::schemaVersion).toArray()));
                insert.setArray(4, array(connection, "text", rows.stream().map(Row::topic).toArray()));
                insert.setArray(5, array(connection, "text", rows.stream().map(Row::messageKey).toArray()));
                insert.setArray(6, array(connection, "text", rows.stream().map(Row::payload).toArray()));
                // each row found by the event id the statement returns with its id, in id order
                Map<UUID, Row> byEventId = new HashMap<>();
                rows.forEach(row -> byEventId.put(row.eventId(), row));
                List<RelayQueue.Row> written = new ArrayList<>(rows.size());
                try (ResultSet result = insert.executeQuery()) {
                    while (result.next()) {
                        written.add(byEventId.get(result.getObject(2, UUID.class)).withId(result.getLong(1)));
                    }
                }
                return written;
            }
        }));
    }

    private static java.sql.Array array(Connection connection, String type, Object[] values) throws SQLException {
        return connection.createArrayOf(type, values);
    }

    private record Row(UUID eventId, String eventType, int schemaVersion, String topic, String messageKey,
            String payload) {

        RelayQueue.Row withId(long id) {
            return new RelayQueue.Row(id, eventId, eventType, schemaVersion, topic, messageKey, payload);
        }
    }
}
