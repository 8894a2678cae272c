package org.amity.casework.domain;

import java.util.List;

/**
 * The outcome of a case: a Home Office outcome type (0 to 22) for a police case, or a housing outcome
 * for a housing provider's case. Other organisations' cases record no outcome of their own.
 */
public record Outcome(Scheme scheme, Integer homeOfficeOutcome, String housingOutcome) {

    public enum Scheme {
        HOME_OFFICE("home-office"), HOUSING("housing");

        private final String code;

        Scheme(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    /** Housing policy outcomes. */
    public static final List<String> HOUSING_OUTCOMES = List.of("advice-or-warning", "acceptable-behaviour-agreement",
            "mediation", "community-protection-notice", "injunction", "notice-of-seeking-possession", "possession",
            "no-further-action");

    public static final int HIGHEST_HOME_OFFICE_OUTCOME = 22;

    /** An outcome of either scheme, checked against the scheme only (as a recipient records it on a referral). */
    public static Outcome of(Integer homeOfficeOutcome, String housingOutcome) {
        if ((homeOfficeOutcome == null) == (housingOutcome == null)) {
            throw CaseRuleBroken.value("$.homeOfficeOutcome", "give either homeOfficeOutcome or housingOutcome");
        }
        if (homeOfficeOutcome != null) {
            if (homeOfficeOutcome < 0 || homeOfficeOutcome > HIGHEST_HOME_OFFICE_OUTCOME) {
                throw CaseRuleBroken.value("$.homeOfficeOutcome", "is not a Home Office outcome code (0 to 22)");
            }
            return new Outcome(Scheme.HOME_OFFICE, homeOfficeOutcome, null);
        }
        if (!HOUSING_OUTCOMES.contains(housingOutcome)) {
            throw CaseRuleBroken.value("$.housingOutcome", "is not a housing outcome: one of "
                    + String.join(", ", HOUSING_OUTCOMES));
        }
        return new Outcome(Scheme.HOUSING, null, housingOutcome);
    }

    /** The case's own outcome: Home Office outcomes for police cases, housing outcomes for housing cases. */
    public static Outcome forCase(String ownerOrganisationType, Integer homeOfficeOutcome, String housingOutcome) {
        if (homeOfficeOutcome != null && !Case.POLICE.equals(ownerOrganisationType)) {
            throw CaseRuleBroken.value("$.homeOfficeOutcome", "Home Office outcomes apply to police cases only");
        }
        if (housingOutcome != null && !Case.HOUSING_PROVIDER.equals(ownerOrganisationType)) {
            throw CaseRuleBroken.value("$.housingOutcome", "housing outcomes apply to housing providers' cases only");
        }
        return of(homeOfficeOutcome, housingOutcome);
    }
}
