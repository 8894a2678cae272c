package org.amity.intake.domain;

import java.time.LocalDate;
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
        LocalDate dateOfBirth,
        String ageBand,
        Address address,
        String tenancyReference,
        String interpreterLanguage,
        boolean textRelay) {

    /** A postal address. */
    public record Address(String line1, String line2, String town, String postcode) {
    }

    /** The age band given, or the one the date of birth falls in on {@code day}. */
    public String ageBandOn(LocalDate day) {
        if (ageBand != null || dateOfBirth == null) {
            return ageBand;
        }
        int age = java.time.Period.between(dateOfBirth, day).getYears();
        if (age < 18) {
            return "under-18";
        }
        if (age >= 65) {
            return "65-plus";
        }
        int[] lows = {18, 25, 35, 45, 55};
        int[] highs = {24, 34, 44, 54, 64};
        for (int i = 0; i < lows.length; i++) {
            if (age <= highs[i]) {
                return lows[i] + "-" + highs[i];
            }
        }
        return "65-plus";
    }

    @Override
    public String toString() {
        return "Victim[subjectId=" + subjectId + ", personal data withheld]";
    }
}
