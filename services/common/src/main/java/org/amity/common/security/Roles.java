package org.amity.common.security;

/** The realm roles of the platform (deploy/keycloak/amity-realm.json): what people do. */
public final class Roles {

    /** Submits incidents on behalf of an organisation (housing providers, reporting centres, police). */
    public static final String INCIDENT_REPORTER = "incident-reporter";
    /** Works the cases its organisation owns. */
    public static final String CASE_WORKER = "case-worker";
    /** Receives referrals shared with its organisation (police liaison officers, partner charities). */
    public static final String REFERRAL_HANDLER = "referral-handler";
    /** Administers data-sharing agreements. */
    public static final String AGREEMENT_ADMIN = "agreement-admin";
    /** Sees statistics only, never people. */
    public static final String ANALYST = "analyst";
    /** Reads the audit trail, handles withdrawal, erasure and subject access. */
    public static final String DATA_PROTECTION_OFFICER = "data-protection-officer";

    private Roles() {
    }
}
