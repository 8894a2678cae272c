package org.amity.sharing.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What the sharing service knows of a case: its facts, the consents the victim gave, and the victim's
 * details exactly as sealed at intake (opaque here).
 */
public record CaseFacts(
        UUID caseId,
        String ownerOrganisation,
        Instant receivedAt,
        Instant occurredFrom,
        String district,
        List<StrandCode> strands,
        List<String> incidentTypes,
        boolean crimeSuspected,
        String perceivedBy,
        boolean anonymous,
        String victimAgeBand,
        UUID victimSubjectId,
        List<Consent> consents,
        String sealedPersonalData) {

    public record StrandCode(String code, String subCategory) {
    }
}
