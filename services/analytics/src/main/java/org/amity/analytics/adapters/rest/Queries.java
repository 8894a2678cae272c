package org.amity.analytics.adapters.rest;

import java.time.YearMonth;
import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.amity.analytics.application.Viewers;
import org.amity.analytics.config.AnalyticsConfig;
import org.amity.analytics.domain.Dimension;
import org.amity.analytics.domain.Period;
import org.amity.analytics.domain.Scope;
import org.amity.common.problem.ProblemException;
import org.amity.common.security.CurrentCaller;

/** Query parameters checked against what exists and what the caller may see; problems name the parameter. */
@RequestScoped
public class Queries {

    static final String PERIOD_FORMS = "must be a month (2024-05), a financial year (FY2017-18), a quarter of one"
            + " (FY2017-18-Q1) or twelve months to a month (R12-2024-05)";

    @Inject
    CurrentCaller caller;

    @Inject
    Viewers viewers;

    @Inject
    AnalyticsConfig config;

    /** The caller's scope, narrowed to one of its districts when asked. */
    public Scope scope(String district) {
        Scope scope = viewers.scopeOf(caller.get().organisation())
                .orElseThrow(() -> ProblemException.forbidden("your organisation sees no statistics"));
        if (district == null) {
            return scope;
        }
        if (!scope.districts().contains(district)) {
            throw ProblemException.invalid("district", "must be one of the districts you see: " + scope.districts());
        }
        return scope.narrowedTo(district);
    }

    /** The period asked for, or the twelve months to the current month. */
    public Period period(String text) {
        if (text == null) {
            return Period.rollingYearTo(YearMonth.now());
        }
        return Period.parse(text).orElseThrow(() -> ProblemException.invalid("period", PERIOD_FORMS));
    }

    public Dimension dimension(String field, String code) {
        Optional<Dimension> dimension = Dimension.of(code);
        return dimension.filter(d -> d != Dimension.TOTAL).orElseThrow(() -> ProblemException.invalid(field,
                "must be one of strand, sub-category, incident-type, classification, source-type, outcome,"
                        + " housing-outcome, repeat, contact-target"));
    }

    /** A configured strand code, or null when none is asked for. */
    public String strand(String code) {
        if (code != null && !config.strands().contains(code)) {
            throw ProblemException.invalid("strand", "must be one of " + config.strands());
        }
        return code;
    }
}
