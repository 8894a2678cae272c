package org.amity.sharing.domain;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/**
 * A case shared with one recipient, projected to what the agreement allows at the decided level.
 * The anonymised view has no direct identifiers: district not address, an age band not a date of
 * birth, dates to the day, no narrative. The victim's details are kept (sealed) only when the
 * referral is identifiable. Each recipient gets its own case reference, so two recipients cannot
 * join their copies.
 */
public record Referral(
        UUID id,
        int version,
        UUID caseId,
        String recipient,
        String recipientCaseReference,
        SharingLevel level,
        UUID agreementId,
        int agreementVersion,
        String clause,
        UUID consentId,
        String lawfulBasis,
        Instant sharedAt,
        View view,
        String sealedPersonalData) {

    private static final ZoneId UK = ZoneId.of("Europe/London");
    private static final char[] REFERENCE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What every recipient may see, whatever the level. */
    public record View(
            String district,
            List<CaseFacts.StrandCode> strands,
            List<String> incidentTypes,
            boolean crimeSuspected,
            String perceivedBy,
            LocalDate occurredOn,
            LocalDate receivedOn,
            String victimAgeBand,
            boolean anonymousReport) {
    }

    public static Referral share(CaseFacts facts, Decision decision, Instant now) {
        if (decision.level() == SharingLevel.NONE) {
            throw new IllegalArgumentException("nothing is shared under a NONE decision");
        }
        View view = new View(facts.district(), facts.strands(), facts.incidentTypes(), facts.crimeSuspected(),
                facts.perceivedBy(), LocalDate.ofInstant(facts.occurredFrom(), UK),
                LocalDate.ofInstant(facts.receivedAt(), UK), facts.victimAgeBand(), facts.anonymous());
        String personal = decision.level() == SharingLevel.IDENTIFIABLE ? facts.sealedPersonalData() : null;
        return new Referral(UUID.randomUUID(), 1, facts.caseId(), decision.recipient(), newCaseReference(),
                decision.level(), decision.agreementId(), decision.agreementVersion(), decision.clause(),
                decision.consentId(), decision.lawfulBasis(), now, view, personal);
    }

    static String newCaseReference() {
        StringBuilder out = new StringBuilder("AMY-");
        for (int i = 0; i < 10; i++) {
            out.append(REFERENCE_ALPHABET[RANDOM.nextInt(REFERENCE_ALPHABET.length)]);
        }
        return out.toString();
    }
}
