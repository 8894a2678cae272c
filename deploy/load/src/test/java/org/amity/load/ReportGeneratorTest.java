package org.amity.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.amity.load.GeneratedReport.Channel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ReportGeneratorTest {

    static final int UNITS = 60_000;
    static final List<String> ALL_DISTRICTS = Districts.ALL.stream().map(Districts.District::code).toList();
    static final Set<String> INTAKE_DISTRICTS = Set.of("ashford", "canterbury", "dartford", "dover",
            "folkestone-and-hythe", "gravesham", "maidstone", "sevenoaks", "swale", "thanet", "tonbridge-and-malling",
            "tunbridge-wells", "medway");

    static List<GeneratedReport> reports = new ArrayList<>();

    @BeforeAll
    static void generate() {
        ReportGenerator generator = new ReportGenerator(42, "LTEST1", ALL_DISTRICTS, 0.3, 50,
                Instant.parse("2026-11-20T12:00:00Z"));
        for (int i = 0; i < UNITS; i++) {
            reports.addAll(generator.nextUnit().reports());
        }
        for (int i = 0; i < 500; i++) {
            reports.add(generator.nextPublic());
        }
    }

    @Test
    void eachStrandHasItsHomeOfficeShareOfIncidents() {
        Map<String, Integer> counts = new HashMap<>();
        reports.forEach(r -> r.strands().forEach(s -> counts.merge(s.code(), 1, Integer::sum)));
        for (Map.Entry<String, Long> national : StrandMix.NATIONAL.entrySet()) {
            double expected = national.getValue() / (double) StrandMix.OFFENCES;
            double share = counts.getOrDefault(national.getKey(), 0) / (double) reports.size();
            assertThat(share).as(national.getKey()).isCloseTo(expected, within(0.01));
        }
    }

    @Test
    void someIncidentsCarrySeveralStrandsAsNationally() {
        double multi = reports.stream().filter(GeneratedReport::multiStrand).count() / (double) reports.size();
        double national = StrandMix.PAIRS.stream().mapToLong(StrandMix.Combination::incidents).sum()
                / (double) StrandMix.OFFENCES;
        assertThat(multi).isCloseTo(national, within(0.01));
        assertThat(reports).anyMatch(r -> r.strands().stream().map(StrandMix.Strand::code).toList()
                .containsAll(List.of("race", "religion")));
    }

    @Test
    void everyDistrictIsOneIntakeKnowsAndEachIsUsed() {
        Set<String> used = new HashSet<>();
        reports.forEach(r -> used.add((String) r.body().get("district")));
        assertThat(used).isEqualTo(INTAKE_DISTRICTS);
    }

    @Test
    void onlyTheChosenDistrictsAreUsed() {
        ReportGenerator generator = new ReportGenerator(7, "LTEST2", List.of("dover", "medway"), 0, 1,
                Instant.parse("2026-11-20T12:00:00Z"));
        Set<String> used = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            used.add(generator.nextUnit().reports().get(0).district());
        }
        assertThat(used).containsExactlyInAnyOrder("dover", "medway");
    }

    @Test
    void everyVictimHasTheirOwnNameNumberAndAddress() {
        List<Map<?, ?>> victims = reports.stream().<Map<?, ?>>map(r -> (Map<?, ?>) r.body().get("victim"))
                .filter(v -> v != null).toList();
        assertThat(victims).hasSizeGreaterThan(reports.size() / 2);
        assertThat(victims.stream().map(v -> v.get("phone")).distinct().count()).isEqualTo(victims.size());
        assertThat(victims.stream().map(v -> v.get("name")).distinct().count()).isEqualTo(victims.size());
        List<Object> emails = victims.stream().<Object>map(v -> v.get("email")).filter(e -> e != null).toList();
        assertThat(emails).isNotEmpty().doesNotHaveDuplicates();
        assertThat(victims).allMatch(v -> ((String) v.get("phone")).matches("07\\d{9}"));
    }

    @Test
    void theMixHasEveryConsentChoiceChannelAndSender() {
        assertThat(reports).anyMatch(r -> consentLevel(r, "identifiable"))
                .anyMatch(r -> consentLevel(r, "anonymised"))
                .anyMatch(r -> !r.anonymous() && !r.body().containsKey("consents"))
                .anyMatch(GeneratedReport::anonymous);
        assertThat(reports.stream().map(GeneratedReport::channel).distinct())
                .containsExactlyInAnyOrder(Channel.SINGLE, Channel.BATCH, Channel.PUBLIC);
        assertThat(reports.stream().map(GeneratedReport::sender).distinct())
                .contains(ReportGenerator.HOUSING, ReportGenerator.TELL_MAMA, ReportGenerator.CST, null);
        double batched = reports.stream().filter(r -> r.channel() == Channel.BATCH).count() / (double) reports.size();
        assertThat(batched).isCloseTo(0.3, within(0.03));
    }

    @Test
    void reportingCentresReportTheirOwnStrandAndTheirReportsGoToThePolice() {
        assertThat(reports.stream().filter(r -> ReportGenerator.TELL_MAMA.equals(r.sender())))
                .isNotEmpty().allMatch(r -> ReportGenerator.has(r.strands(), "religion", "anti-muslim"))
                .allMatch(r -> r.expectedRecipients().equals(Set.of(ReportGenerator.POLICE)));
        assertThat(reports.stream().filter(r -> ReportGenerator.CST.equals(r.sender())))
                .isNotEmpty().allMatch(r -> ReportGenerator.has(r.strands(), "religion", "antisemitic"));
    }

    @Test
    void housingReportsAlwaysGoToThePoliceAndSupportOnlyWithConsent() {
        List<GeneratedReport> housing = reports.stream()
                .filter(r -> ReportGenerator.HOUSING.equals(r.sender())).toList();
        assertThat(housing).allMatch(r -> r.expectedRecipients().contains(ReportGenerator.POLICE));
        assertThat(housing).anyMatch(r -> r.expectedRecipients().contains(ReportGenerator.GALOP))
                .anyMatch(r -> r.expectedRecipients().contains(ReportGenerator.VICTIM_SUPPORT));
        assertThat(housing.stream().filter(r -> r.expectedRecipients().contains(ReportGenerator.GALOP)))
                .allMatch(r -> !r.anonymous() && (ReportGenerator.has(r.strands(), "sexual-orientation", null)
                        || ReportGenerator.has(r.strands(), "transgender", null)));
    }

    @Test
    void publicReportsHaveNoSourceReferenceAndAreNeverSharedWithTheirOwner() {
        assertThat(reports.stream().filter(r -> r.channel() == Channel.PUBLIC))
                .hasSize(500)
                .allMatch(r -> !r.body().containsKey("sourceReference"))
                .allMatch(r -> ReportGenerator.POLICE.equals(r.owner()))
                .allMatch(r -> !r.expectedRecipients().contains(ReportGenerator.POLICE));
    }

    @Test
    void theSameSeedGivesTheSameReports() {
        Instant now = Instant.parse("2026-11-20T12:00:00Z");
        ReportGenerator a = new ReportGenerator(99, "LSAME1", ALL_DISTRICTS, 0.5, 10, now);
        ReportGenerator b = new ReportGenerator(99, "LSAME1", ALL_DISTRICTS, 0.5, 10, now);
        for (int i = 0; i < 100; i++) {
            assertThat(a.nextUnit().reports().stream().map(GeneratedReport::body).toList())
                    .isEqualTo(b.nextUnit().reports().stream().map(GeneratedReport::body).toList());
        }
    }

    @Test
    void occurrencesAreInTheTwoMonthsBeforeNow() {
        Instant now = Instant.parse("2026-11-20T12:00:00Z");
        assertThat(reports).allSatisfy(r -> assertThat(Instant.parse((String) r.body().get("occurredAt")))
                .isBefore(now).isAfter(now.minusSeconds(61L * 24 * 3600)));
    }

    private static boolean consentLevel(GeneratedReport r, String level) {
        Object consents = r.body().get("consents");
        return consents instanceof List<?> list && list.stream().anyMatch(c -> c instanceof Map<?, ?> m
                && level.equals(m.get("level")) && "investigation".equals(m.get("purpose")));
    }
}
