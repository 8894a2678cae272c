package org.amity.sharing.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What the sharing service knows of a case: its facts, the consents the victim gave (withdrawn ones removed), any
 * safeguarding overrides, and the victim's details exactly as sealed at intake (opaque here).
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
        List<SafeguardingOverride> overrides,
        String sealedPersonalData) {

    public CaseFacts {
        consents = consents == null ? List.of() : List.copyOf(consents);
        overrides = overrides == null ? List.of() : List.copyOf(overrides);
    }

    public record StrandCode(String code, String subCategory) {
    }

    /** With this version of a consent in place of any earlier version of it. */
    public CaseFacts withConsent(Consent consent) {
        List<Consent> next = new ArrayList<>(consents.stream().filter(c -> !c.id().equals(consent.id())).toList());
        next.add(consent);
        return new CaseFacts(caseId, ownerOrganisation, receivedAt, occurredFrom, district, strands, incidentTypes,
                crimeSuspected, perceivedBy, anonymous, victimAgeBand, victimSubjectId, next, overrides, sealedPersonalData);
    }

    /** Without a withdrawn consent. */
    public CaseFacts withoutConsent(UUID consentId) {
        return new CaseFacts(caseId, ownerOrganisation, receivedAt, occurredFrom, district, strands, incidentTypes,
                crimeSuspected, perceivedBy, anonymous, victimAgeBand, victimSubjectId,
                consents.stream().filter(c -> !c.id().equals(consentId)).toList(), overrides, sealedPersonalData);
    }

    /** With the strands confirmed or corrected at triage. */
    public CaseFacts withStrands(List<StrandCode> confirmed, boolean crime) {
        return new CaseFacts(caseId, ownerOrganisation, receivedAt, occurredFrom, district, List.copyOf(confirmed),
                incidentTypes, crime, perceivedBy, anonymous, victimAgeBand, victimSubjectId, consents, overrides,
                sealedPersonalData);
    }

    public CaseFacts withOverride(SafeguardingOverride override) {
        List<SafeguardingOverride> next = new ArrayList<>(overrides);
        next.add(override);
        return new CaseFacts(caseId, ownerOrganisation, receivedAt, occurredFrom, district, strands, incidentTypes,
                crimeSuspected, perceivedBy, anonymous, victimAgeBand, victimSubjectId, consents, next, sealedPersonalData);
    }
}
