package org.amity.intake.config;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** What reports may name; see the "## Reporting rules" section of application.properties. */
@ConfigMapping(prefix = "amity.intake")
public interface IntakeConfig {

    /** District codes reports may name. */
    List<String> districts();

    /** Strand code to its settings. */
    Map<String, StrandConfig> strands();

    /** Incident type codes (housing policy 3.5). */
    List<String> incidentTypes();

    /** Organisation alias to organisation type, for every organisation that may report. */
    Map<String, String> organisationTypes();

    /** The public online form. */
    PublicFormConfig publicForm();

    interface PublicFormConfig {
        /** Organisation responsible for reports from the public, by district code. */
        Map<String, String> responsible();

        /** Responsible where a district names none: the police by default. */
        String defaultResponsible();

        /** Reports one client address may send per window. */
        @WithDefault("10")
        int requestsPerWindow();

        @WithDefault("60")
        int windowSeconds();
    }

    interface StrandConfig {
        /** Centrally monitored by the Home Office (race, religion, disability, sexual orientation, transgender). */
        @WithDefault("false")
        boolean monitored();

        /** Sub-categories that drive routing (religion: anti-muslim to Tell MAMA, antisemitic to CST). */
        Optional<List<String>> subCategories();
    }
}
