package org.amity.intake.domain;

import java.util.Map;
import java.util.Set;

/**
 * What a report may name: configured districts, strands with their sub-categories, incident types
 * and the type of each organisation. Configuration, not code: forces and providers add local strands.
 */
public record ReportingRules(
        Set<String> districts,
        Map<String, Set<String>> strandSubCategories,
        Set<String> incidentTypes,
        Map<String, String> organisationTypes) {
}
