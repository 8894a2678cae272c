package org.amity.casework.config;

import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The case service's settings; see the "## Case work" section of application.properties. */
@ConfigMapping(prefix = "amity.case")
public interface CaseConfig {

    /** Action codes case workers record. */
    List<String> actions();

    /** Why a case was reclassified. */
    List<String> reclassificationReasons();

    /** Why a case was closed. */
    List<String> closingReasons();

    /** Why a case was reopened. */
    List<String> reopeningReasons();

    /** Bank holidays beyond the shipped calendar (read by {@link WorkingDaysProducer}). */
    Optional<List<java.time.LocalDate>> extraBankHolidays();

    /** How often contact deadlines are checked (read by the scheduler). */
    @WithDefault("1m")
    String contactCheckInterval();

    @WithDefault("10s")
    String contactCheckDelay();

    /** Matching of victims across cases. */
    MatchingConfig matching();

    interface MatchingConfig {
        /**
         * The installation's secret for keyed hashes (HMAC-SHA256) of victims' identifiers, base64 of at least
         * 32 bytes. Production: env AMITY_CASE_MATCHING_SECRET; when unset, derived from the master key
         * ({@code amity.keys.master-key}). Changing it makes earlier hashes unmatchable.
         */
        Optional<String> secret();
    }
}
