package org.amity.casework.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * One version of a consent the victim gave: to whom (organisation or type), for what, at which level,
 * how, when and who recorded it. A withdrawal is a new version with {@code withdrawnAt}; versions are
 * never changed or removed.
 */
public record Consent(
        UUID id,
        int version,
        String recipientOrganisation,
        String recipientType,
        String purpose,
        String level,
        String method,
        String recordedBy,
        Instant givenAt,
        Instant withdrawnAt) {
}
