package org.amity.casework.domain;

import java.time.Instant;

/**
 * What the owning organisation has done with a case so far.
 *
 * @param triaged             whether a case worker has triaged it (before: the classification intake suggested)
 * @param risk                null until assessed
 * @param contactTargetMissed the deadline passed without contact (recorded once)
 * @param outcome             the case's own outcome, null until recorded
 * @param repeatVictim        the victim reported before within twelve months
 * @param likelyDuplicate     likely the same incident as another case
 */
public record Work(
        CaseStatus status,
        Classification classification,
        boolean triaged,
        RiskLevel risk,
        String assignedTo,
        Instant contactedAt,
        boolean contactTargetMissed,
        Outcome outcome,
        boolean repeatVictim,
        boolean likelyDuplicate,
        Instant closedAt) {

    static Work opened(boolean crimeSuspected) {
        return new Work(CaseStatus.OPEN, crimeSuspected ? Classification.HATE_CRIME
                : Classification.NON_CRIME_HATE_INCIDENT, false, null, null, null, false, null, false, false, null);
    }

    Work assignedTo(String assignee) {
        return new Work(status, classification, triaged, risk, assignee, contactedAt, contactTargetMissed, outcome,
                repeatVictim, likelyDuplicate, closedAt);
    }

    Work contacted(Instant at) {
        return new Work(status, classification, triaged, risk, assignedTo, at, contactTargetMissed, outcome,
                repeatVictim, likelyDuplicate, closedAt);
    }

    Work triaged(Classification newClassification) {
        return new Work(status, newClassification, true, risk, assignedTo, contactedAt, contactTargetMissed, outcome,
                repeatVictim, likelyDuplicate, closedAt);
    }

    Work risk(RiskLevel level) {
        return new Work(status, classification, triaged, level, assignedTo, contactedAt, contactTargetMissed, outcome,
                repeatVictim, likelyDuplicate, closedAt);
    }

    Work outcome(Outcome newOutcome) {
        return new Work(status, classification, triaged, risk, assignedTo, contactedAt, contactTargetMissed,
                newOutcome, repeatVictim, likelyDuplicate, closedAt);
    }

    Work closed(Instant at) {
        return new Work(CaseStatus.CLOSED, classification, triaged, risk, assignedTo, contactedAt, contactTargetMissed,
                outcome, repeatVictim, likelyDuplicate, at);
    }

    Work reopened() {
        return new Work(CaseStatus.OPEN, classification, triaged, risk, assignedTo, contactedAt, contactTargetMissed,
                outcome, repeatVictim, likelyDuplicate, null);
    }

    Work missed() {
        return new Work(status, classification, triaged, risk, assignedTo, contactedAt, true, outcome, repeatVictim,
                likelyDuplicate, closedAt);
    }

    Work repeat() {
        return new Work(status, classification, triaged, risk, assignedTo, contactedAt, contactTargetMissed, outcome,
                true, likelyDuplicate, closedAt);
    }

    Work duplicate() {
        return new Work(status, classification, triaged, risk, assignedTo, contactedAt, contactTargetMissed, outcome,
                repeatVictim, true, closedAt);
    }
}
