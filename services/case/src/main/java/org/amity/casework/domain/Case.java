package org.amity.casework.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The case behind a report, owned by the organisation responsible for it. Holds no personal data
 * in the clear: the victim is known by their subject id, their details stay sealed.
 *
 * @param consents           the consents the victim gave, every version kept
 * @param sealedPersonalData the victim's details exactly as sealed at intake (opaque here; never opened by this domain)
 * @param statisticsKey      pseudonymous key under which the case appears in statistics
 */
public record Case(
        UUID id,
        UUID incidentId,
        String ownerOrganisation,
        String ownerOrganisationType,
        CaseStatus status,
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
        UUID statisticsKey) {

    /** A strand and its optional sub-category, as configured. */
    public record StrandCode(String code, String subCategory) {
    }

    /** Opens the case for a newly reported incident; the contact clock runs from receipt. */
    public static Case open(UUID incidentId, String owner, String ownerType, Instant receivedAt, Instant occurredFrom,
            Instant occurredTo, String district, List<StrandCode> strands, List<String> incidentTypes,
            boolean crimeSuspected, String perceivedBy, boolean anonymous, String victimAgeBand, UUID victimSubjectId,
            List<Consent> consents, String sealedPersonalData, WorkingDays workingDays) {
        return new Case(UUID.randomUUID(), incidentId, owner, ownerType, CaseStatus.OPEN, receivedAt,
                workingDays.contactDueBy(receivedAt), occurredFrom, occurredTo, district, List.copyOf(strands),
                List.copyOf(incidentTypes), crimeSuspected, perceivedBy, anonymous, victimAgeBand, victimSubjectId,
                List.copyOf(consents), sealedPersonalData, UUID.randomUUID());
    }
}
