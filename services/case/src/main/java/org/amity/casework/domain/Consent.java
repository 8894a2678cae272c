package org.amity.casework.domain;

import java.time.Instant;
import java.util.UUID;

/** A consent the victim gave: to whom (organisation or type), for what, at which level, how and when. */
public record Consent(
        UUID id,
        int version,
        String recipientOrganisation,
        String recipientType,
        String purpose,
        String level,
        String method,
        String recordedBy,
        Instant givenAt) {
}
