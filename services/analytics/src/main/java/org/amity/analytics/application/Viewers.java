package org.amity.analytics.application;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.amity.analytics.config.AnalyticsConfig;
import org.amity.analytics.domain.Scope;

/**
 * Who sees what, from the caller's organisation only (as the token names it): the community safety team sees
 * its county, the police their force area, a housing provider its own reports. An organisation not configured
 * sees nothing.
 */
@ApplicationScoped
public class Viewers {

    @Inject
    AnalyticsConfig config;

    public Optional<Scope> scopeOf(String organisation) {
        AnalyticsConfig.Viewer viewer = config.organisations().get(organisation);
        if (viewer == null) {
            return Optional.empty();
        }
        AnalyticsConfig.Area area = config.areas().get(viewer.area());
        if (area == null) {
            throw new IllegalStateException("organisation " + organisation + " names unknown area " + viewer.area());
        }
        return Optional.of(viewer.ownReportsOnly()
                ? new Scope(area.name() + ", reports of " + organisation, area.districts(), organisation)
                : new Scope(area.name(), area.districts(), null, viewer.area()));
    }
}
