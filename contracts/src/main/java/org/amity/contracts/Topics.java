package org.amity.contracts;

/**
 * Every Kafka topic of the platform, owned by the service that produces it. Names follow
 * {@code <context>.<aggregate>.v<N>}; the record key is always the aggregate id. Within a
 * version only additive changes are allowed; a breaking change is a new topic.
 */
public final class Topics {

    /** Produced by intake: one {@code IncidentReported} per accepted report. */
    public static final String INTAKE_INCIDENT_V1 = "intake.incident.v1";

    /** Produced by the case service: the life of a case ({@code CaseOpened}, ...). Holds encrypted personal parts. */
    public static final String CASEWORK_CASE_V1 = "casework.case.v1";

    /** Produced by the case service: statistics facts with no personal data, by schema. The only topic analytics reads. */
    public static final String CASEWORK_CASE_STATISTICS_V1 = "casework.case-statistics.v1";

    /** Produced by the sharing service: referrals shared with, updated for or revoked from a recipient. */
    public static final String SHARING_REFERRAL_V1 = "sharing.referral.v1";

    /** Produced by the sharing service: the head of its hash-chained audit log, at intervals ({@code AuditChainHeadPublished}). */
    public static final String SHARING_AUDIT_V1 = "sharing.audit.v1";

    /**
     * Produced by analytics: community tension alerts ({@code TensionSpikeDetected}), once per strand, district and
     * day. Counts only, never small ones: no personal data.
     */
    public static final String ANALYTICS_TENSION_V1 = "analytics.tension.v1";

    /** The dead-letter topic of one consuming service: {@code <service>.dead-letter.v1}. */
    public static String deadLetter(String service) {
        return service + ".dead-letter.v1";
    }

    private Topics() {
    }
}
