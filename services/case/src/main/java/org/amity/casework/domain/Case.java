package org.amity.casework.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.amity.contracts.TimeOrderedIds;

/**
 * The case behind a report, owned by the organisation responsible for it. Holds no personal data
 * in the clear: the victim is known by their subject id, their details stay sealed. What the
 * owning organisation does with it is in {@link Work}; every change returns the changed case and
 * the past-tense fact of the change ({@link CaseChange}), and refuses what the rules forbid with
 * {@link CaseRuleBroken} (nothing changes then).
 *
 * @param strands            the strands as reported, or as corrected at triage
 * @param consents           the consents the victim gave, every version kept (append-only)
 * @param sealedPersonalData the victim's details exactly as sealed at intake (opaque here)
 * @param statisticsKey      pseudonymous key under which the case appears in statistics
 */
public record Case(
        UUID id,
        UUID incidentId,
        String ownerOrganisation,
        String ownerOrganisationType,
        Instant receivedAt,
        Instant contactDueBy,
        Instant occurredFrom,
        Instant occurredTo,
        String district,
        List<StrandCode> strands,
        List<String> incidentTypes,
        boolean crimeSuspected,
        String perceivedBy,
        boolean anonymous,
        String victimAgeBand,
        UUID victimSubjectId,
        List<Consent> consents,
        String sealedPersonalData,
        UUID statisticsKey,
        Work work) {

    public static final String POLICE = "police";
    public static final String HOUSING_PROVIDER = "housing-provider";

    /** A strand and its optional sub-category, as configured. */
    public record StrandCode(String code, String subCategory) {
    }

    /** The new state of the case and the fact that changed it. */
    public record Changed(Case after, CaseChange change) {
    }

    /** Opens the case for a newly reported incident; the contact clock runs from receipt. */
    public static Case open(UUID incidentId, String owner, String ownerType, Instant receivedAt, Instant occurredFrom,
            Instant occurredTo, String district, List<StrandCode> strands, List<String> incidentTypes,
            boolean crimeSuspected, String perceivedBy, boolean anonymous, String victimAgeBand, UUID victimSubjectId,
            List<Consent> consents, String sealedPersonalData, WorkingDays workingDays) {
        // the id sorts by time (TimeOrderedIds); the statistics key stays random: one that told the millisecond the
        // case was opened would link its statistics back to the case
        return new Case(TimeOrderedIds.next(), incidentId, owner, ownerType, receivedAt,
                workingDays.contactDueBy(receivedAt), occurredFrom, occurredTo, district, List.copyOf(strands),
                List.copyOf(incidentTypes), crimeSuspected, perceivedBy, anonymous, victimAgeBand, victimSubjectId,
                List.copyOf(consents), sealedPersonalData, UUID.randomUUID(), Work.opened(crimeSuspected));
    }

    public CaseStatus status() {
        return work.status();
    }

    /** Open, no contact recorded, and the deadline has passed. */
    public boolean contactOverdue(Instant now) {
        return work.status() == CaseStatus.OPEN && work.contactedAt() == null && !now.isBefore(contactDueBy);
    }

    /** Met (true), missed (false) or still open (null). */
    public Boolean contactTargetMet() {
        if (work.contactedAt() != null) {
            return work.contactedAt().isBefore(contactDueBy);
        }
        return work.contactTargetMissed() ? Boolean.FALSE : null;
    }

    public Changed assign(String assignee, String by, Instant at) {
        requireOpen();
        return changed(work.assignedTo(assignee), new CaseChange.Assigned(assignee, by, at));
    }

    public Changed recordContact(Instant contactedAt, String method, String by, Instant now) {
        requireOpen();
        if (work.contactedAt() != null) {
            throw CaseRuleBroken.transition("contactedAt", "first contact was already recorded");
        }
        if (contactedAt.isAfter(now)) {
            throw CaseRuleBroken.value("$.contactedAt", "must not be in the future");
        }
        if (contactedAt.isBefore(receivedAt)) {
            throw CaseRuleBroken.value("$.contactedAt", "must not be before the report was received");
        }
        Case after = with(strands, work.contacted(contactedAt));
        return new Changed(after, new CaseChange.VictimContacted(contactedAt, method, after.contactTargetMet(), by));
    }

    public Changed triage(Classification classification, List<StrandCode> corrected, String reason, String by,
            Instant at) {
        requireOpen();
        List<StrandCode> newStrands = corrected == null || corrected.isEmpty() ? strands : List.copyOf(corrected);
        boolean reclassified = classification != work.classification() || !sameStrands(newStrands, strands);
        if (reclassified && reason == null) {
            throw CaseRuleBroken.value("$.reason", "a reclassification (classification or strands changed) needs a reason");
        }
        Case after = with(newStrands, work.triaged(classification));
        return new Changed(after, new CaseChange.Triaged(classification, work.classification(), newStrands,
                reclassified, reason, by, at));
    }

    private static boolean sameStrands(List<StrandCode> a, List<StrandCode> b) {
        Comparator<StrandCode> order = Comparator.comparing(StrandCode::code)
                .thenComparing(s -> s.subCategory() == null ? "" : s.subCategory());
        List<StrandCode> x = new ArrayList<>(a);
        List<StrandCode> y = new ArrayList<>(b);
        x.sort(order);
        y.sort(order);
        return x.equals(y);
    }

    public Changed assessRisk(RiskLevel level, String by, Instant at) {
        requireOpen();
        return changed(work.risk(level), new CaseChange.RiskAssessed(level, work.risk(), by, at));
    }

    public Changed addNote(UUID noteId, String author, Instant at) {
        requireOpen();
        return changed(work, new CaseChange.NoteAdded(noteId, author, at));
    }

    public Changed recordAction(String action, Instant takenAt, String by, Instant now) {
        requireOpen();
        if (takenAt.isAfter(now)) {
            throw CaseRuleBroken.value("$.takenAt", "must not be in the future");
        }
        return changed(work, new CaseChange.ActionRecorded(TimeOrderedIds.next(), action, takenAt, by));
    }

    /** @throws CaseRuleBroken when the outcome does not exist or does not fit this kind of case */
    public Changed recordOutcome(Integer homeOfficeOutcome, String housingOutcome, String by, Instant at) {
        requireOpen();
        Outcome outcome = Outcome.forCase(ownerOrganisationType, homeOfficeOutcome, housingOutcome);
        return changed(work.outcome(outcome), new CaseChange.OutcomeRecorded(outcome, by, at));
    }

    public Changed close(String reason, String by, Instant at) {
        if (work.status() == CaseStatus.CLOSED) {
            throw CaseRuleBroken.transition("status", "the case is already closed");
        }
        return changed(work.closed(at), new CaseChange.Closed(reason, by, at));
    }

    public Changed reopen(String reason, String by, Instant at) {
        if (work.status() != CaseStatus.CLOSED) {
            throw CaseRuleBroken.transition("status", "only a closed case can be reopened");
        }
        return changed(work.reopened(), new CaseChange.Reopened(reason, by, at));
    }

    /** The contact deadline passed without contact; empty when that is not (or no longer) so, or was recorded before. */
    public Optional<Changed> missContactTarget(Instant now) {
        if (!contactOverdue(now) || work.contactTargetMissed()) {
            return Optional.empty();
        }
        return Optional.of(changed(work.missed(), new CaseChange.ContactTargetMissed(contactDueBy, now)));
    }

    public Changed recordConsent(String recipientOrganisation, String recipientType, String purpose, String level,
            String method, Instant givenAt, String by, Instant now) {
        requireOpen();
        if ((recipientOrganisation == null) == (recipientType == null)) {
            throw CaseRuleBroken.value("$.recipientOrganisation", "name a recipient organisation or a recipient type");
        }
        if ("identifiable".equals(level) && victimSubjectId == null) {
            throw CaseRuleBroken.value("$.level", "an anonymous report has no one to identify");
        }
        if (givenAt.isAfter(now)) {
            throw CaseRuleBroken.value("$.givenAt", "must not be in the future");
        }
        Consent consent = new Consent(TimeOrderedIds.next(), 1, recipientOrganisation, recipientType, purpose, level,
                method, by, givenAt, null);
        return withConsent(consent, new CaseChange.ConsentRecorded(consent));
    }

    /** @throws CaseRuleBroken (not found) when the case has no such consent; (transition) when it is withdrawn already */
    public Changed withdrawConsent(UUID consentId, String method, String by, Instant at) {
        Consent current = currentConsent(consentId)
                .orElseThrow(() -> CaseRuleBroken.notFound("consent " + consentId + " of this case"));
        if (current.withdrawnAt() != null) {
            throw CaseRuleBroken.transition("consentId", "the consent is already withdrawn");
        }
        Consent withdrawal = new Consent(current.id(), current.version() + 1, current.recipientOrganisation(),
                current.recipientType(), current.purpose(), current.level(), method, by, current.givenAt(), at);
        return withConsent(withdrawal, new CaseChange.ConsentWithdrawn(withdrawal));
    }

    /** The latest version of a consent. */
    public Optional<Consent> currentConsent(UUID consentId) {
        return consents.stream().filter(c -> c.id().equals(consentId)).max(Comparator.comparingInt(Consent::version));
    }

    /** Earlier cases of the same victim (matched by keyed hashes) were found. */
    public Changed linkRepeats(List<UUID> earlierCases) {
        return changed(work.repeat(), new CaseChange.RepeatLinked(List.copyOf(earlierCases)));
    }

    public Changed flagDuplicateOf(UUID otherCase) {
        return changed(work.duplicate(), new CaseChange.DuplicateFlagged(otherCase));
    }

    /** A recipient's outcome on a referral made from this case; the caller checked that the agreement allows it. */
    public Changed attachRecipientOutcome(UUID referralId, String recipient, UUID agreementId, int agreementVersion,
            Outcome outcome, Instant at) {
        return changed(work, new CaseChange.RecipientOutcomeAttached(referralId, recipient, agreementId,
                agreementVersion, outcome, at));
    }

    private void requireOpen() {
        if (work.status() == CaseStatus.CLOSED) {
            throw CaseRuleBroken.transition("status", "the case is closed: reopen it first");
        }
    }

    private Changed changed(Work newWork, CaseChange change) {
        return new Changed(with(strands, newWork), change);
    }

    private Changed withConsent(Consent consent, CaseChange change) {
        List<Consent> all = new ArrayList<>(consents);
        all.add(consent);
        return new Changed(new Case(id, incidentId, ownerOrganisation, ownerOrganisationType, receivedAt, contactDueBy,
                occurredFrom, occurredTo, district, strands, incidentTypes, crimeSuspected, perceivedBy, anonymous,
                victimAgeBand, victimSubjectId, List.copyOf(all), sealedPersonalData, statisticsKey, work), change);
    }

    private Case with(List<StrandCode> newStrands, Work newWork) {
        return new Case(id, incidentId, ownerOrganisation, ownerOrganisationType, receivedAt, contactDueBy,
                occurredFrom, occurredTo, district, newStrands, incidentTypes, crimeSuspected, perceivedBy, anonymous,
                victimAgeBand, victimSubjectId, consents, sealedPersonalData, statisticsKey, newWork);
    }
}
