package org.amity.contracts.casework;

import java.time.Instant;
import java.util.UUID;

/**
 * A note was added to a case. The note itself is personal data and stays, encrypted, in the case service.
 * Schema: {@code schemas/casework/CaseNoteAdded.v1.schema.json}.
 */
public record CaseNoteAdded(
        UUID caseId,
        UUID noteId,
        String author,
        Instant addedAt) {

    public static final String TYPE = "CaseNoteAdded";
    public static final int VERSION = 1;
}
