package org.amity.intake.domain;

import java.util.UUID;

/** Who reported, when it was not the victim, and their role. Personal data: sealed, never logged. */
public record Reporter(UUID subjectId, String name, String email, String phone, String role) {

    @Override
    public String toString() {
        return "Reporter[subjectId=" + subjectId + ", role=" + role + ", personal data withheld]";
    }
}
