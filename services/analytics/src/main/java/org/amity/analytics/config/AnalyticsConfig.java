package org.amity.analytics.config;

import java.util.List;
import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Areas, who sees which, strands, disclosure control and tension monitoring ({@code amity.analytics.*}). */
@ConfigMapping(prefix = "amity.analytics")
public interface AnalyticsConfig {

    /** Counts from 1 to this are suppressed. */
    @WithDefault("4")
    int suppressionThreshold();

    /** The strands in table order (monitored first); codes seen in the data but not listed still count. */
    List<String> strands();

    /** Areas by code: a county, a force area. */
    Map<String, Area> areas();

    /** Organisations (by alias) that may see statistics, and what. Any other organisation sees none. */
    Map<String, Viewer> organisations();

    Tension tension();

    CatchUp catchUp();

    /** How the counts follow the facts: dirty (month, district) cells rebuilt on a schedule. */
    interface CatchUp {
        /** How often the counts are brought up to date (a scheduler interval such as 1s). */
        @WithDefault("1s")
        String every();

        /** A cell is rebuilt once no case has been recorded into it for this long... */
        @WithDefault("1s")
        java.time.Duration quiet();

        /** ...or once it has waited this long since it was first marked. */
        @WithDefault("5s")
        java.time.Duration longestWait();

        /**
         * A poll of a partition that brings at least this many events says the consumer is working through a backlog
         * ({@code Backlog})...
         */
        @WithDefault("1000")
        int backlogPoll();

        /**
         * ...and while it is, a cell waits to be rebuilt until it has been quiet or marked for this long: the events
         * are taken in first, and the counts follow when the backlog is gone (or when a cell has waited this long).
         */
        @WithDefault("2m")
        java.time.Duration longestWaitBehind();

        /**
         * Transactions rebuilding at the same time, each for its share of the districts (a district's cells are
         * rebuilt by one at a time; the area sums of a month too).
         */
        @WithDefault("2")
        int workers();

        /** Cells rebuilt per transaction (a national month is ~300). */
        @WithDefault("2000")
        int cellsPerTransaction();
    }

    interface Area {
        String name();

        List<String> districts();
    }

    interface Viewer {
        /** The area whose districts the organisation sees. */
        String area();

        /** Only the cases the organisation owns (housing providers). */
        @WithDefault("false")
        boolean ownReportsOnly();
    }

    interface Tension {
        /** Days before the day looked at that make its baseline. */
        @WithDefault("28")
        int baselineDays();

        /** A day is a spike when its count is at least this... */
        @WithDefault("5")
        int minimumCount();

        /** ...and at least the baseline mean plus this many standard deviations... */
        @WithDefault("3")
        double deviations();

        /** ...and at least this multiple of the baseline mean. */
        @WithDefault("2")
        double ratio();

        /** Spikes on days from this many days before today are alerted (older ones are history, listed by the API). */
        @WithDefault("7")
        int alertWithinDays();

        /** How often detection looks for new spikes to alert (a scheduler interval such as 30s). */
        @WithDefault("30s")
        String detectEvery();
    }
}
