package org.amity.casework.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Repeat victimisation and likely duplicates, decided from the cases whose victim shares a keyed hash
 * of a normalised identifier with the new case (never from plaintext): an earlier case whose incident
 * happened within a day of this one is likely the same incident reported through another route; other
 * earlier cases received within the twelve months before make the victim a repeat victim.
 */
public final class Matching {

    public static final Duration SAME_INCIDENT_WINDOW = Duration.ofHours(24);

    /**
     * The most earlier cases one case is linked to (the most recent ones): a victim reporting every week still
     * links to a year of cases, and nobody's history makes opening a case slower without bound.
     */
    public static final int MOST_LINKS = 50;

    /** A case that shares a victim hash with the new one. */
    public record Candidate(UUID caseId, Instant receivedAt, Instant occurredFrom) {
    }

    /** What the candidates mean for the new case. */
    public record Result(Optional<UUID> duplicateOf, List<UUID> earlierCases) {
    }

    public static Result judge(Case opened, List<Candidate> candidates) {
        Optional<UUID> duplicate = candidates.stream()
                .filter(c -> !c.caseId().equals(opened.id()))
                .filter(c -> Duration.between(c.occurredFrom(), opened.occurredFrom()).abs()
                        .compareTo(SAME_INCIDENT_WINDOW) <= 0)
                .map(Candidate::caseId).findFirst();
        Instant yearBefore = lookBackFrom(opened.receivedAt());
        List<UUID> earlier = candidates.stream()
                .filter(c -> !c.caseId().equals(opened.id()))
                .filter(c -> duplicate.isEmpty() || !duplicate.get().equals(c.caseId()))
                .filter(c -> !c.receivedAt().isAfter(opened.receivedAt()) && c.receivedAt().isAfter(yearBefore))
                .map(Candidate::caseId).distinct().limit(MOST_LINKS).toList();
        return new Result(duplicate, earlier);
    }

    /** How far back a new case looks for the same victim: twelve months before its receipt. */
    public static Instant lookBackFrom(Instant receivedAt) {
        return receivedAt.atZone(WorkingDays.UK).minusMonths(12).toInstant();
    }

    private Matching() {
    }
}
