package org.amity.analytics.adapters;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.amity.analytics.application.CountsCatchUp;
import org.amity.analytics.domain.CaseFacts;
import org.amity.analytics.domain.Statistics;

/** Records facts as the consumer does, then brings the counts up to date (tests turn the scheduled catch-up off). */
@ApplicationScoped
class RecordedFacts {

    @Inject
    Statistics statistics;

    @Inject
    CountsCatchUp catchUp;

    void record(List<CaseFacts> facts) {
        statistics.recordAll(facts);
        catchUp.catchUp();
    }
}
