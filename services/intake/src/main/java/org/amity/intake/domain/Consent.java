package org.amity.intake.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * A consent choice captured with the report. Names a recipient organisation or type, never a person.
 * {@code givenAt} left empty in a draft means "when the report was received".
 */
public record Consent(
        UUID id,
        String recipientOrganisation,
        String recipientType,
        String purpose,
        String level,
        String method,
        String recordedBy,
        Instant givenAt) {
}
