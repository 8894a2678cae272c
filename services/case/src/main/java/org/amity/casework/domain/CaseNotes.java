package org.amity.casework.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Case notes: personal data, kept sealed under the victim's key (or the case's own when the report is
 * anonymous), so that erasing the victim erases their notes. Never logged.
 */
public interface CaseNotes {

    /** A note as a case worker reads it; {@code text} is null when the subject was erased. */
    record Note(UUID id, String author, Instant addedAt, String text) {
        @Override
        public String toString() {
            return "Note[" + id + ", personal data withheld]";
        }
    }

    void add(Case owner, UUID noteId, String author, Instant addedAt, String text);

    List<Note> of(UUID caseId);
}
