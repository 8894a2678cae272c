package org.amity.analytics.bench;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.stream.IntStream;

import org.amity.contracts.Strand;
import org.amity.contracts.casework.CaseStatisticsRecorded;

/**
 * A generated, reproducible national statistics stream: ten years of hate incidents across England's ~300 districts,
 * in the order the case service would publish them (by the day received), each case stated once when opened and a
 * tenth of them stated again later with their outcome (an update that moves counts).
 *
 * <p>Proportions follow the Home Office 2017/18 figures in DOMAIN.md (race 76 % of offences, sexual orientation 12 %,
 * religion 9 %, disability 8 %, transgender 2 %; about one in ten with a second strand); districts are weighted like
 * populations (a few large cities, many small districts); the police own most cases, housing providers, third-party
 * reporting centres and charities the rest. Nothing here is a person: the stream has no personal data by schema.
 */
public final class NationalDataSet {

    public static final int DISTRICTS = 300;
    /** Districts per police force (about 43 forces in England and Wales). */
    private static final int DISTRICTS_PER_FORCE = 7;

    private static final String[] STRANDS = { "race", "sexual-orientation", "religion", "disability", "transgender",
            "sex-gender", "alternative-subculture" };
    private static final double[] STRAND_WEIGHTS = { 71_251, 11_638, 8_336, 7_226, 1_651, 1_500, 300 };
    private static final String[][] SUB_CATEGORIES = { {}, { "anti-gay", "anti-lesbian", "anti-bisexual" },
            { "anti-muslim", "antisemitic", "anti-christian", "anti-sikh", "anti-hindu" },
            { "learning-disability", "physical-disability", "mental-health" }, {}, { "misogyny", "misandry" }, {} };
    private static final String[] INCIDENT_TYPES = { "verbal-abuse", "harassment", "threats-of-violence",
            "abusive-messages", "online-abuse", "discriminatory-literature", "damage-to-property", "rubbish-thrown",
            "malicious-complaints", "physical-assault", "other" };
    private static final double[] INCIDENT_TYPE_WEIGHTS = { 40, 20, 10, 8, 8, 2, 5, 1, 1, 4, 1 };
    /** Home Office outcome codes 0..22, roughly as hate crimes end. */
    private static final double[] OUTCOME_WEIGHTS = { 8, 12, 0.5, 2, 0.1, 0.1, 1, 0.1, 4, 0.5, 0.5, 0.2, 0.2, 0.2,
            28, 6, 12, 0.5, 20, 0.1, 1, 2, 1 };
    private static final String[] HOUSING_OUTCOMES = { "advice-or-warning", "acceptable-behaviour-agreement",
            "mediation", "community-protection-notice", "injunction", "notice-of-seeking-possession", "possession",
            "no-further-action" };
    private static final String[] CENTRES = { "tell-mama", "cst", "stop-hate-uk", "true-vision" };
    private static final String[] CHARITIES = { "galop", "victim-support", "mencap", "metro-charity" };

    private NationalDataSet() {
    }

    /** The districts, {@code district-001} to {@code district-300}. */
    public static List<String> districts() {
        return IntStream.rangeClosed(1, DISTRICTS).mapToObj(NationalDataSet::district).toList();
    }

    static String district(int n) {
        return "district-%03d".formatted(n);
    }

    /**
     * {@code incidents} cases received from {@code firstDay} on, spread over {@code days} days, in order of the day
     * received, with the later updates of a tenth of them placed where they would be published (about a month later).
     */
    public static List<CaseStatisticsRecorded> generate(long seed, int incidents, LocalDate firstDay, int days) {
        Random random = new Random(seed);
        double[] districtWeights = IntStream.rangeClosed(1, DISTRICTS).mapToDouble(n -> 1.0 / Math.pow(n, 0.6))
                .toArray();
        double[] dayWeights = new double[days];
        for (int d = 0; d < days; d++) {
            LocalDate day = firstDay.plusDays(d);
            double weekly = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY ? 0.8 : 1.05;
            double summer = 1 + 0.15 * Math.sin((day.getDayOfYear() - 100) / 365.0 * 2 * Math.PI);
            double growth = 0.7 + 0.6 * d / days; // recorded hate crime rose over the decade
            double national = random.nextDouble() < 0.005 ? 3 : 1; // a national event now and then
            dayWeights[d] = weekly * summer * growth * national;
        }
        int[] perDay = apportion(dayWeights, incidents, random);
        List<CaseStatisticsRecorded> out = new ArrayList<>(incidents + incidents / 9);
        List<List<CaseStatisticsRecorded>> updatesDue = new ArrayList<>();
        for (int d = 0; d < days + 40; d++) {
            updatesDue.add(new ArrayList<>());
        }
        for (int d = 0; d < days; d++) {
            LocalDate day = firstDay.plusDays(d);
            for (int i = 0; i < perDay[d]; i++) {
                CaseStatisticsRecorded opened = newCase(random, day, pick(random, districtWeights) + 1, d, days);
                out.add(opened);
                if (random.nextInt(10) == 0) {
                    int later = d + 7 + random.nextInt(30);
                    updatesDue.get(later).add(withOutcome(opened, random));
                }
            }
            for (CaseStatisticsRecorded update : updatesDue.get(d)) {
                out.add(update);
            }
        }
        return out;
    }

    private static CaseStatisticsRecorded newCase(Random random, LocalDate day, int district, int d, int days) {
        List<Strand> strands = new ArrayList<>();
        int first = pick(random, STRAND_WEIGHTS);
        strands.add(strand(random, first));
        if (random.nextInt(10) == 0) {
            int second = pick(random, STRAND_WEIGHTS);
            if (second != first) {
                strands.add(strand(random, second));
            }
        }
        List<String> types = new ArrayList<>();
        types.add(INCIDENT_TYPES[pick(random, INCIDENT_TYPE_WEIGHTS)]);
        if (random.nextInt(4) == 0) {
            String another = INCIDENT_TYPES[pick(random, INCIDENT_TYPE_WEIGHTS)];
            if (!types.contains(another)) {
                types.add(another);
            }
        }
        boolean crime = random.nextInt(10) < 7;
        int source = random.nextInt(100);
        String sourceType;
        String sourceOrganisation;
        Boolean contactMet = null;
        Integer outcome = null;
        if (source < 60) {
            sourceType = "police";
            sourceOrganisation = "police-force-%02d".formatted((district - 1) / DISTRICTS_PER_FORCE + 1);
            outcome = 0;
        } else if (source < 80) {
            sourceType = "housing-provider";
            sourceOrganisation = district <= 10 ? "west-kent-housing"
                    : "housing-provider-%03d".formatted(district * 2 - random.nextInt(2));
            contactMet = random.nextInt(5) > 0;
        } else if (source < 95) {
            sourceType = "third-party-reporting-centre";
            sourceOrganisation = CENTRES[random.nextInt(CENTRES.length)];
        } else {
            sourceType = "charity";
            sourceOrganisation = CHARITIES[random.nextInt(CHARITIES.length)];
            contactMet = random.nextInt(10) > 0;
        }
        LocalDate occurred = day.minusDays(random.nextInt(3));
        return new CaseStatisticsRecorded(new UUID(random.nextLong(), random.nextLong()), day, occurred,
                district(district), strands, types, crime, sourceType, outcome, random.nextInt(100) < 15, contactMet,
                crime ? "hate-crime" : "non-crime-hate-incident", null, random.nextInt(100) == 0, sourceOrganisation);
    }

    /** The same case later: police cases with their Home Office outcome, housing cases with the housing outcome. */
    private static CaseStatisticsRecorded withOutcome(CaseStatisticsRecorded c, Random random) {
        boolean police = c.sourceOrganisationType().equals("police");
        boolean housing = c.sourceOrganisationType().equals("housing-provider");
        return new CaseStatisticsRecorded(c.caseKey(), c.receivedOn(), c.occurredOn(), c.district(), c.strands(),
                c.incidentTypes(), c.crimeSuspected(), c.sourceOrganisationType(),
                police ? Integer.valueOf(pick(random, OUTCOME_WEIGHTS)) : c.outcomeCode(), c.repeatVictim(),
                c.contactTargetMet(), c.classification(),
                housing ? HOUSING_OUTCOMES[random.nextInt(HOUSING_OUTCOMES.length)] : null, c.likelyDuplicate(),
                c.sourceOrganisation());
    }

    private static Strand strand(Random random, int index) {
        String[] subs = SUB_CATEGORIES[index];
        return new Strand(STRANDS[index], subs.length == 0 || random.nextInt(4) == 0 ? null
                : subs[random.nextInt(subs.length)]);
    }

    /** An index drawn with the given weights. */
    private static int pick(Random random, double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double r = random.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            r -= weights[i];
            if (r < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    /** {@code total} split over the weights, whole numbers that add up exactly. */
    private static int[] apportion(double[] weights, int total, Random random) {
        double sum = 0;
        for (double w : weights) {
            sum += w;
        }
        int[] out = new int[weights.length];
        int given = 0;
        for (int i = 0; i < weights.length; i++) {
            out[i] = (int) Math.floor(weights[i] / sum * total);
            given += out[i];
        }
        while (given < total) {
            out[random.nextInt(out.length)]++;
            given++;
        }
        return out;
    }
}
