package org.amity.intake.domain;

import java.util.UUID;

/**
 * The victim's personal data. Stored and published only sealed with the victim's own key
 * ({@code subjectId}); never logged.
 */
public record Victim(
        UUID subjectId,
        String name,
        String email,
        String phone,
        String preferredContact,
        String ageBand) {

    @Override
    public String toString() {
        return "Victim[subjectId=" + subjectId + ", personal data withheld]";
    }
}
