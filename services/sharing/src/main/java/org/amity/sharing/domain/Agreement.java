package org.amity.sharing.domain;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A data-sharing agreement, as far as the sharing decision needs it: which organisation may share
 * with which, for which strands, at which levels, under which clauses and lawful basis, and when
 * it is in force. An agreement shares nothing unless it is active and within its dates.
 *
 * @param flows                        who may share with whom under it
 * @param strands                      strands (and sub-categories) in scope; a scope without sub-category covers them all
 * @param purposes                     purposes a consent must name to allow identifiable sharing
 * @param identifiableRequiresConsent  identifiable sharing needs the data subject's consent
 */
public record Agreement(
        UUID id,
        int version,
        String title,
        AgreementStatus status,
        Instant effectiveFrom,
        Instant effectiveTo,
        List<Flow> flows,
        List<StrandScope> strands,
        boolean anonymisedAllowed,
        boolean identifiableAllowed,
        boolean identifiableRequiresConsent,
        Set<String> purposes,
        String lawfulBasis,
        String anonymisedClause,
        String identifiableClause) {

    public enum AgreementStatus {
        DRAFT, ACTIVE, SUSPENDED, EXPIRED, TERMINATED
    }

    /** Data may flow from one organisation to another. */
    public record Flow(String from, String to) {
    }

    /** A strand in scope, optionally narrowed to one sub-category. */
    public record StrandScope(String code, String subCategory) {
    }

    public boolean inForce(Instant now) {
        return status == AgreementStatus.ACTIVE && !now.isBefore(effectiveFrom)
                && (effectiveTo == null || now.isBefore(effectiveTo));
    }

    public boolean allowsFlow(String from, String to) {
        return flows.contains(new Flow(from, to));
    }

    /** True when one of the case's strands is in scope. */
    public boolean covers(List<CaseFacts.StrandCode> caseStrands) {
        return caseStrands.stream().anyMatch(s -> strands.stream().anyMatch(scope -> scope.code().equals(s.code())
                && (scope.subCategory() == null || scope.subCategory().equals(s.subCategory()))));
    }
}
