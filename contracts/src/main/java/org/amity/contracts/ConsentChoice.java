package org.amity.contracts;

import java.time.Instant;
import java.util.UUID;

/**
 * A consent given by the data subject and recorded with the report: to whom (one organisation by
 * alias, or every organisation of a type), for what purpose, at which level. Holds no personal data.
 *
 * @param consentId            stable id of this consent
 * @param version              version of this consent (a change or a withdrawal is a new version)
 * @param recipientOrganisation alias of the recipient organisation, or null when a type is named
 * @param recipientType        organisation type ({@code police}, {@code support-charity}, ...), or null
 * @param purpose              support, investigation, statistics or contact
 * @param level                identifiable or anonymised
 * @param method               verbal, written or online
 * @param recordedBy           who recorded it (an organisation alias or {@code self} for the public form)
 * @param givenAt              when it was given
 */
public record ConsentChoice(
        UUID consentId,
        int version,
        String recipientOrganisation,
        String recipientType,
        String purpose,
        String level,
        String method,
        String recordedBy,
        Instant givenAt) {
}
