package org.amity.analytics.bench;

import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The analytics service as a national body would run it: one area of ~300 districts, seen whole by an analyst
 * (the demo organisation {@code kent-community-safety} stands in for them, because its token exists) and by a housing
 * provider for its own reports. The statistics channel starts paused, so that the benchmark can fill the topic first
 * and then measure the consumer alone.
 */
public class NationalProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> config = new HashMap<>();
        config.put("amity.analytics.areas.england.name", "England");
        config.put("amity.analytics.areas.england.districts", String.join(",", NationalDataSet.districts()));
        config.put("amity.analytics.organisations.kent-community-safety.area", "england");
        config.put("amity.analytics.organisations.west-kent-housing.area", "england");
        // as in production (tests call it themselves); "off" measures the consumer alone, then the catch-up alone
        config.put("amity.analytics.catch-up.every", System.getProperty("amity.bench.catch-up-every", "1s"));
        config.put("mp.messaging.incoming.case-statistics.pausable", "true");
        config.put("mp.messaging.incoming.case-statistics.pausable.initially-paused", "true");
        return config;
    }
}
