package org.amity.intake.domain;

import java.util.Optional;
import java.util.UUID;

import org.amity.contracts.TimeOrderedIds;

/**
 * Everything personal in a report: the victim, the reporter, a description of the perpetrator, the
 * narrative and the exact postcode. Each is sealed under its data subject's key; the narrative under
 * the victim's, or a key of the report's own when the report is anonymous.
 *
 * @param perpetratorSubjectId the subject the perpetrator description is sealed under, when there is one
 * @param narrativeSubjectId   the subject the narrative and postcode are sealed under, when there is one
 */
public record PersonalAccount(
        Optional<Victim> victim,
        Optional<Reporter> reporter,
        Optional<String> perpetratorDescription,
        UUID perpetratorSubjectId,
        Optional<String> narrative,
        Optional<String> postcode,
        UUID narrativeSubjectId) {

    public static PersonalAccount of(Optional<Victim> victim, Optional<Reporter> reporter,
            Optional<String> perpetratorDescription, Optional<String> narrative, Optional<String> postcode) {
        UUID perpetrator = perpetratorDescription.isPresent() ? TimeOrderedIds.next() : null;
        UUID narrativeSubject = narrative.isPresent() || postcode.isPresent()
                ? victim.map(Victim::subjectId).orElseGet(TimeOrderedIds::next) : null;
        return new PersonalAccount(victim, reporter, perpetratorDescription, perpetrator, narrative, postcode,
                narrativeSubject);
    }

    @Override
    public String toString() {
        return "PersonalAccount[personal data withheld]";
    }
}
