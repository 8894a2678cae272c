package org.amity.intake.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.amity.contracts.TimeOrderedIds;

/**
 * A hate incident or hate crime report as accepted by intake. Created only through
 * {@link #report}, which enforces the rules every report must meet.
 *
 * @param reportedAt when the victim or reporter told the source organisation (at or before receipt)
 * @param receivedAt      when intake received it: the first-contact clock starts here
 * @param publicReference the reference a member of the public can quote (public form only)
 */
public record Incident(
        UUID id,
        String sourceOrganisation,
        String sourceOrganisationType,
        String sourceReference,
        Channel channel,
        Instant receivedAt,
        Instant reportedAt,
        Instant occurredFrom,
        Instant occurredTo,
        String district,
        List<StrandChoice> strands,
        List<String> incidentTypes,
        boolean crimeSuspected,
        Perceiver perceivedBy,
        PersonalAccount personal,
        List<Consent> consents,
        String publicReference) {

    private static final ZoneId UK = ZoneId.of("Europe/London");

    /** Everything a reporter tells us, before the rules are checked. */
    public record Draft(
            String sourceReference,
            Instant occurredFrom,
            Instant occurredTo,
            Instant reportedAt,
            String district,
            List<StrandChoice> strands,
            List<String> incidentTypes,
            boolean crimeSuspected,
            Perceiver perceivedBy,
            PersonalAccount personal,
            List<Consent> consents) {
    }

    public Optional<Victim> victim() {
        return personal.victim();
    }

    public boolean anonymous() {
        return personal.victim().isEmpty();
    }

    /** The victim's age band on the day the report was received (derived from a date of birth if need be). */
    public String victimAgeBand() {
        return victim().map(v -> v.ageBandOn(LocalDate.ofInstant(receivedAt, UK))).orElse(null);
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
        Instant reportedAt = draft.reportedAt() == null ? receivedAt : draft.reportedAt();
        checkDates(draft, receivedAt, reportedAt, violations);
        if (!rules.districts().contains(draft.district())) {
            violations.add(new Violation("$.district", "is not a configured district"));
        }
        checkStrands(draft, rules, violations);
        for (int i = 0; i < draft.incidentTypes().size(); i++) {
            if (!rules.incidentTypes().contains(draft.incidentTypes().get(i))) {
                violations.add(new Violation("$.incidentTypes[" + i + "]", "is not a configured incident type"));
            }
        }
        if (draft.incidentTypes().stream().distinct().count() != draft.incidentTypes().size()) {
            violations.add(new Violation("$.incidentTypes", "must not name an incident type twice"));
        }
        checkPeople(draft, receivedAt, violations);
        for (int i = 0; i < draft.consents().size(); i++) {
            Consent consent = draft.consents().get(i);
            if (draft.personal().victim().isEmpty()) {
                violations.add(new Violation("$.consents[" + i + "]", "an anonymous report records no consent"));
            }
            if (consent.givenAt() != null && consent.givenAt().isAfter(receivedAt)) {
                violations.add(new Violation("$.consents[" + i + "].givenAt", "must not be in the future"));
            }
        }
        if (!violations.isEmpty()) {
            throw new IncidentRejected(violations);
        }
        return new Incident(TimeOrderedIds.next(), organisation, organisationType, draft.sourceReference(), channel,
                receivedAt, reportedAt, draft.occurredFrom(), draft.occurredTo(), draft.district(),
                List.copyOf(draft.strands()), List.copyOf(draft.incidentTypes()), draft.crimeSuspected(),
                draft.perceivedBy(), draft.personal(),
                draft.consents().stream().map(c -> c.givenAt() != null ? c
                        : new Consent(c.id(), c.recipientOrganisation(), c.recipientType(), c.purpose(), c.level(),
                                c.method(), c.recordedBy(), receivedAt)).toList(),
                channel == Channel.PUBLIC_FORM ? PublicReference.next() : null);
    }

    private static void checkDates(Draft draft, Instant receivedAt, Instant reportedAt, List<Violation> violations) {
        if (draft.occurredFrom().isAfter(receivedAt)) {
            violations.add(new Violation("$.occurredAt", "must not be in the future"));
        } else if (draft.occurredFrom().isAfter(reportedAt)) {
            violations.add(new Violation("$.occurredAt", "must not be after reportedAt"));
        }
        if (draft.reportedAt() != null && draft.reportedAt().isAfter(receivedAt)) {
            violations.add(new Violation("$.reportedAt", "must not be in the future"));
        }
        if (draft.occurredTo() != null) {
            if (draft.occurredTo().isBefore(draft.occurredFrom())) {
                violations.add(new Violation("$.occurredTo", "must not be before occurredAt"));
            }
            if (draft.occurredTo().isAfter(receivedAt)) {
                violations.add(new Violation("$.occurredTo", "must not be in the future"));
            }
        }
    }

    private static void checkStrands(Draft draft, ReportingRules rules, List<Violation> violations) {
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
    }

    private static void checkPeople(Draft draft, Instant receivedAt, List<Violation> violations) {
        LocalDate today = LocalDate.ofInstant(receivedAt, UK);
        draft.personal().victim().ifPresent(victim -> {
            if (victim.dateOfBirth() != null) {
                if (victim.dateOfBirth().isAfter(today)) {
                    violations.add(new Violation("$.victim.dateOfBirth", "must not be in the future"));
                } else if (victim.dateOfBirth().isBefore(today.minusYears(120))) {
                    violations.add(new Violation("$.victim.dateOfBirth", "must be within the last 120 years"));
                }
            }
        });
        if (draft.perceivedBy() == Perceiver.REPORTER && draft.personal().reporter().isEmpty()) {
            violations.add(new Violation("$.reporter", "is required when the reporter perceived the hostility"));
        }
    }
}
