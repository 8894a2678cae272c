package org.amity.analytics.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class CaseFactsTest {

    static CaseFacts facts(List<CaseFacts.Strand> strands, boolean likelyDuplicate) {
        return new CaseFacts(UUID.randomUUID(), LocalDate.of(2024, 5, 1), LocalDate.of(2024, 4, 30), "thanet", strands,
                List.of("verbal-abuse", "online-abuse"), true, "housing-provider", "west-kent-housing", null, "mediation",
                null, true, false, likelyDuplicate);
    }

    @Test
    void aMultiStrandIncidentCountsOnceInTheTotalAndOnceInEachStrand() {
        CaseFacts f = facts(List.of(new CaseFacts.Strand("race", null), new CaseFacts.Strand("religion", "anti-muslim"),
                new CaseFacts.Strand("race", "other")), false);
        assertThat(f.counts()).contains(new CaseFacts.Count(Dimension.TOTAL, Dimension.ALL),
                new CaseFacts.Count(Dimension.STRAND, "race"), new CaseFacts.Count(Dimension.STRAND, "religion"),
                new CaseFacts.Count(Dimension.SUB_CATEGORY, "religion/anti-muslim"),
                new CaseFacts.Count(Dimension.INCIDENT_TYPE, "online-abuse"),
                new CaseFacts.Count(Dimension.CLASSIFICATION, "hate-crime"),
                new CaseFacts.Count(Dimension.OUTCOME, "none"),
                new CaseFacts.Count(Dimension.HOUSING_OUTCOME, "mediation"),
                new CaseFacts.Count(Dimension.REPEAT, "repeat"),
                new CaseFacts.Count(Dimension.CONTACT_TARGET, "missed"));
        assertThat(f.counts().stream().filter(c -> c.dimension() == Dimension.STRAND)).hasSize(2);
        assertThat(f.counts().stream().filter(c -> c.dimension() == Dimension.TOTAL)).hasSize(1);
    }

    @Test
    void theOtherDimensionsAreAlsoCountedWithinEachStrandOnce() {
        CaseFacts f = facts(List.of(new CaseFacts.Strand("race", null), new CaseFacts.Strand("religion", "anti-muslim"),
                new CaseFacts.Strand("race", "other")), false);
        assertThat(f.counts()).contains(new CaseFacts.Count(Dimension.OUTCOME, "race", "none"),
                new CaseFacts.Count(Dimension.OUTCOME, "religion", "none"),
                new CaseFacts.Count(Dimension.REPEAT, "religion", "repeat"),
                new CaseFacts.Count(Dimension.INCIDENT_TYPE, "race", "online-abuse"),
                new CaseFacts.Count(Dimension.CONTACT_TARGET, "race", "missed"),
                new CaseFacts.Count(Dimension.SOURCE_TYPE, "religion", "housing-provider"),
                new CaseFacts.Count(Dimension.HOUSING_OUTCOME, "race", "mediation"),
                new CaseFacts.Count(Dimension.CLASSIFICATION, "race", "hate-crime"));
        assertThat(f.counts().stream().filter(c -> c.dimension() == Dimension.OUTCOME && c.strand() != null))
                .hasSize(2);
        assertThat(f.counts().stream().filter(c -> c.strand() != null && (c.dimension() == Dimension.STRAND
                || c.dimension() == Dimension.SUB_CATEGORY || c.dimension() == Dimension.TOTAL))).isEmpty();
        assertThat(new CaseFacts.Count(Dimension.OUTCOME, "race", "14").key()).isEqualTo("strand+outcome");
        assertThat(new CaseFacts.Count(Dimension.OUTCOME, "race", "14").storedValue()).isEqualTo("race|14");
    }

    @Test
    void aLikelyDuplicateCountsNowhere() {
        assertThat(facts(List.of(new CaseFacts.Strand("race", null)), true).counts()).isEmpty();
    }

    @Test
    void theStoredEntriesAreTheCountsInTheirOrder() {
        Random random = new Random(17);
        String[] strandCodes = {"race", "religion", "disability", "sex-gender"};
        String[] subCategories = {null, "anti-muslim", "antisemitic", "other"};
        String[] types = {"verbal-abuse", "online-abuse", "assault", "criminal-damage"};
        for (int i = 0; i < 5_000; i++) {
            List<CaseFacts.Strand> strands = new ArrayList<>();
            for (int s = random.nextInt(4); s >= 0; s--) {
                strands.add(new CaseFacts.Strand(strandCodes[random.nextInt(4)], subCategories[random.nextInt(4)]));
            }
            List<String> incidentTypes = new ArrayList<>();
            for (int t = random.nextInt(4); t > 0; t--) {
                incidentTypes.add(types[random.nextInt(4)]);
            }
            CaseFacts f = new CaseFacts(UUID.randomUUID(), LocalDate.of(2024, 5, 1), LocalDate.of(2024, 4, 30),
                    "thanet", strands, incidentTypes, random.nextBoolean(), "housing-provider", null,
                    random.nextBoolean() ? null : random.nextInt(1, 22), random.nextBoolean() ? null : "mediation",
                    random.nextBoolean() ? null : "hate-crime", random.nextBoolean(),
                    random.nextBoolean() ? null : random.nextBoolean(), random.nextInt(10) == 0);
            List<String> counted = f.counts().stream().map(c -> c.key() + "=" + c.storedValue()).toList();
            String entries = f.entries(';');
            assertThat(entries.isEmpty() ? List.of() : Arrays.asList(entries.split(";", -1)))
                    .as("case %d: %s", i, f).containsExactlyElementsOf(counted);
        }
    }

    @Test
    void aCodeHoldingTheSeparatorIsRefused() {
        CaseFacts f = facts(List.of(new CaseFacts.Strand("race", "an;other")), false);
        assertThatThrownBy(() -> f.entries(';')).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("an;other");
    }
}
