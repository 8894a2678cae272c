package org.amity.contracts;

import java.util.List;
import java.util.UUID;

/**
 * Why an event may exist and travel: the purpose of processing, its lawful basis and, where the
 * event discloses data to another organisation, the agreement and consents it relies on.
 *
 * @param purpose         what the data is processed for (for example {@code case-management}, {@code statistics})
 * @param lawfulBasis     the UK GDPR / DPA 2018 basis relied on, in words a DPO recognises
 * @param agreementId     the data-sharing agreement a disclosure is made under, when there is one
 * @param agreementVersion the version of that agreement
 * @param consentIds      the consents a disclosure relies on (empty when none)
 */
public record DataProtectionScope(
        String purpose,
        String lawfulBasis,
        UUID agreementId,
        Integer agreementVersion,
        List<UUID> consentIds) {

    public DataProtectionScope {
        consentIds = consentIds == null ? List.of() : List.copyOf(consentIds);
    }

    public static DataProtectionScope of(String purpose, String lawfulBasis) {
        return new DataProtectionScope(purpose, lawfulBasis, null, null, List.of());
    }
}
