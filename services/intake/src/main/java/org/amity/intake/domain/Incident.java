package org.amity.intake.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A hate incident or hate crime report as accepted by intake. Created only through
 * {@link #report}, which enforces the rules every report must meet.
 */
public record Incident(
        UUID id,
        String sourceOrganisation,
        String sourceOrganisationType,
        String sourceReference,
        Channel channel,
        Instant receivedAt,
        Instant occurredFrom,
        Instant occurredTo,
        String district,
        List<StrandChoice> strands,
        List<String> incidentTypes,
        boolean crimeSuspected,
        Perceiver perceivedBy,
        Optional<Victim> victim,
        List<Consent> consents) {

    /** Everything a reporter tells us, before the rules are checked. */
    public record Draft(
            String sourceReference,
            Instant occurredFrom,
            Instant occurredTo,
            String district,
            List<StrandChoice> strands,
            List<String> incidentTypes,
            boolean crimeSuspected,
            Perceiver perceivedBy,
            Optional<Victim> victim,
            List<Consent> consents) {
    }

    public boolean anonymous() {
        return victim.isEmpty();
    }

    /**
     * Accepts a report from an organisation, received now.
     *
     * @throws IncidentRejected listing every rule the draft breaks
     */
    public static Incident report(Draft draft, String organisation, Channel channel, Instant receivedAt,
            ReportingRules rules) {
        List<Violation> violations = new ArrayList<>();
        String organisationType = rules.organisationTypes().get(organisation);
        if (organisationType == null) {
            violations.add(new Violation("$", "organisation " + organisation + " is not configured to report"));
        }
        if (draft.occurredFrom().isAfter(receivedAt)) {
            violations.add(new Violation("$.occurredAt", "must not be in the future"));
        }
        if (draft.occurredTo() != null) {
            if (draft.occurredTo().isBefore(draft.occurredFrom())) {
                violations.add(new Violation("$.occurredTo", "must not be before occurredAt"));
            }
            if (draft.occurredTo().isAfter(receivedAt)) {
                violations.add(new Violation("$.occurredTo", "must not be in the future"));
            }
        }
        if (!rules.districts().contains(draft.district())) {
            violations.add(new Violation("$.district", "is not a configured district"));
        }
        for (int i = 0; i < draft.strands().size(); i++) {
            StrandChoice strand = draft.strands().get(i);
            Set<String> subCategories = rules.strandSubCategories().get(strand.code());
            if (subCategories == null) {
                violations.add(new Violation("$.strands[" + i + "].code", "is not a configured strand"));
            } else if (strand.subCategory() != null && !subCategories.contains(strand.subCategory())) {
                violations.add(new Violation("$.strands[" + i + "].subCategory",
                        "is not a configured sub-category of " + strand.code()));
            }
        }
        if (draft.strands().stream().map(StrandChoice::code).distinct().count() != draft.strands().size()) {
            violations.add(new Violation("$.strands", "must not name a strand twice"));
        }
        for (int i = 0; i < draft.incidentTypes().size(); i++) {
            if (!rules.incidentTypes().contains(draft.incidentTypes().get(i))) {
                violations.add(new Violation("$.incidentTypes[" + i + "]", "is not a configured incident type"));
            }
        }
        for (int i = 0; i < draft.consents().size(); i++) {
            Consent consent = draft.consents().get(i);
            if (draft.victim().isEmpty()) {
                violations.add(new Violation("$.consents[" + i + "]", "an anonymous report records no consent"));
            }
            if (consent.givenAt() != null && consent.givenAt().isAfter(receivedAt)) {
                violations.add(new Violation("$.consents[" + i + "].givenAt", "must not be in the future"));
            }
        }
        if (!violations.isEmpty()) {
            throw new IncidentRejected(violations);
        }
        return new Incident(UUID.randomUUID(), organisation, organisationType, draft.sourceReference(), channel,
                receivedAt, draft.occurredFrom(), draft.occurredTo(), draft.district(), List.copyOf(draft.strands()),
                List.copyOf(draft.incidentTypes()), draft.crimeSuspected(), draft.perceivedBy(), draft.victim(),
                draft.consents().stream().map(c -> c.givenAt() != null ? c
                        : new Consent(c.id(), c.recipientOrganisation(), c.recipientType(), c.purpose(), c.level(),
                                c.method(), c.recordedBy(), receivedAt)).toList());
    }
}
