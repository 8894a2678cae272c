package org.amity.casework.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Past-tense facts of a case's life after it was opened. None holds personal data. */
public sealed interface CaseChange {

    /** Whether the statistics facts of the case change with it. */
    default boolean changesStatistics() {
        return false;
    }

    record Assigned(String assignedTo, String by, Instant at) implements CaseChange {
    }

    record VictimContacted(Instant contactedAt, String method, Boolean targetMet, String by) implements CaseChange {
        @Override
        public boolean changesStatistics() {
            return true;
        }
    }

    record Triaged(Classification classification, Classification previous, List<Case.StrandCode> strands,
            boolean reclassified, String reason, String by, Instant at) implements CaseChange {
        @Override
        public boolean changesStatistics() {
            return true;
        }
    }

    record RiskAssessed(RiskLevel level, RiskLevel previous, String by, Instant at) implements CaseChange {
    }

    record NoteAdded(UUID noteId, String author, Instant at) implements CaseChange {
    }

    record ActionRecorded(UUID actionId, String action, Instant takenAt, String by) implements CaseChange {
    }

    record OutcomeRecorded(Outcome outcome, String by, Instant at) implements CaseChange {
        @Override
        public boolean changesStatistics() {
            return true;
        }
    }

    record Closed(String reason, String by, Instant at) implements CaseChange {
    }

    record Reopened(String reason, String by, Instant at) implements CaseChange {
    }

    record ContactTargetMissed(Instant dueBy, Instant detectedAt) implements CaseChange {
        @Override
        public boolean changesStatistics() {
            return true;
        }
    }

    record ConsentRecorded(Consent consent) implements CaseChange {
    }

    record ConsentWithdrawn(Consent withdrawal) implements CaseChange {
    }

    record RepeatLinked(List<UUID> earlierCases) implements CaseChange {
        @Override
        public boolean changesStatistics() {
            return true;
        }
    }

    record DuplicateFlagged(UUID otherCase) implements CaseChange {
        @Override
        public boolean changesStatistics() {
            return true;
        }
    }

    record RecipientOutcomeAttached(UUID referralId, String recipient, UUID agreementId, int agreementVersion,
            Outcome outcome, Instant at) implements CaseChange {
    }
}
