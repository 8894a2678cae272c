package org.amity.contracts;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.amity.contracts.personal.EncryptedPersonalData;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The envelope every event travels in. Attribute names follow CloudEvents where they overlap
 * ({@code source}, the id, the type and the time) so that a CloudEvents binding stays open.
 *
 * <p>{@code data} holds no personal data. Personal data travels only in {@code personal}: one
 * part per data subject, each encrypted with that subject's own key, so that destroying the key
 * makes every copy on Kafka unreadable.
 */
public record EventEnvelope(
        UUID eventId,
        String eventType,
        int schemaVersion,
        Instant occurredAt,
        String aggregateId,
        UUID correlationId,
        String source,
        DataProtectionScope dataProtection,
        JsonNode data,
        List<EncryptedPersonalData> personal) {

    public EventEnvelope {
        personal = personal == null ? List.of() : List.copyOf(personal);
    }
}
