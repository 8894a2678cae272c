package org.amity.analytics.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
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
}
