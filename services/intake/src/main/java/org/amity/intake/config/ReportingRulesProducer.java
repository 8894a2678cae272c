package org.amity.intake.config;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.inject.Singleton;
import jakarta.enterprise.inject.Produces;

import org.amity.intake.domain.ReportingRules;

public class ReportingRulesProducer {

    @Produces
    @Singleton
    ReportingRules reportingRules(IntakeConfig config) {
        Map<String, Set<String>> strands = config.strands().entrySet().stream()
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> Set.copyOf(e.getValue().subCategories().orElse(List.of()))));
        return new ReportingRules(Set.copyOf(config.districts()), strands, Set.copyOf(config.incidentTypes()),
                Map.copyOf(config.organisationTypes()));
    }
}
