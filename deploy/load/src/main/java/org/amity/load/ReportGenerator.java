package org.amity.load;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

import org.amity.load.GeneratedReport.Channel;
import org.amity.load.StrandMix.Strand;
import org.amity.load.StrandMix.Weighted;

/**
 * Realistic reports in the shapes intake accepts. Strands follow the Home Office national shares ({@link StrandMix}),
 * districts their population ({@link Districts}). Most reports come from the housing provider's system, singly or in
 * batches; anti-Muslim and antisemitic incidents are half the time reported to Tell MAMA or CST instead, who push
 * them through their own API clients; a trickle comes through the public form. Victims choose differently about
 * consent: identifiable sharing with the police, anonymised only, nothing said, or no name at all. Every victim has
 * their own name, telephone number and e-mail address within a run and across runs (one shared number would make
 * each report a likely duplicate of the last, which the statistics leave out).
 *
 * <p>Not thread-safe: one generator per sending thread, or calls under a lock.
 */
final class ReportGenerator {

    static final String HOUSING = "west-kent-housing";
    static final String TELL_MAMA = "tell-mama";
    static final String CST = "cst";
    static final String POLICE = "kent-police";
    static final String GALOP = "galop";
    static final String VICTIM_SUPPORT = "victim-support-kent";

    /** Every recipient a generated report can be shared with under the seeded demo agreements. */
    static final List<String> RECIPIENTS = List.of(POLICE, TELL_MAMA, CST, GALOP, VICTIM_SUPPORT);

    /** Of the anti-Muslim (antisemitic) incidents, the share reported to Tell MAMA (CST) rather than the landlord. */
    static final double TO_REPORTING_CENTRE = 0.5;

    private static final List<Weighted<String>> INCIDENT_TYPES = List.of(
            new Weighted<>("verbal-abuse", 400), new Weighted<>("harassment", 180),
            new Weighted<>("bullying-or-intimidation", 60), new Weighted<>("threats-of-violence", 90),
            new Weighted<>("abusive-communications", 50), new Weighted<>("online-abuse", 50),
            new Weighted<>("discriminatory-literature", 10), new Weighted<>("damage-to-property", 60),
            new Weighted<>("rubbish-thrown", 10), new Weighted<>("malicious-complaint", 10),
            new Weighted<>("physical-assault", 60), new Weighted<>("other", 20));

    private static final List<Weighted<String>> AGE_BANDS = List.of(
            new Weighted<>("under-18", 80), new Weighted<>("18-24", 140), new Weighted<>("25-34", 220),
            new Weighted<>("35-44", 210), new Weighted<>("45-54", 170), new Weighted<>("55-64", 110),
            new Weighted<>("65-plus", 70));

    private static final List<String> GIVEN = List.of("Aisha", "Sam", "Jordan", "Priya", "Tomasz", "Grace", "Yusuf",
            "Chloe", "Daniel", "Fatima", "Oliver", "Amara", "Kwame", "Leah", "Mohammed", "Ruth", "Harpreet", "Ewan");
    private static final List<String> FAMILY = List.of("Khan", "Smith", "Patel", "Nowak", "Okafor", "Cohen", "Jones",
            "Begum", "Taylor", "Singh", "Williams", "Mensah", "Brown", "Ali", "Levy", "Evans", "Kaur", "Murphy");

    private static final List<String> WHAT = List.of(
            "Shouted at near the shops; a neighbour saw it.",
            "Abuse called across the car park on the way home.",
            "Notes pushed through the door again this week.",
            "Followed from the bus stop and threatened.",
            "Messages on the estate's group chat naming the family.",
            "Rubbish and eggs thrown at the front window.",
            "Pushed over outside the block; the caretaker helped.");

    /** How the victim chose to share, for a report that names a victim. */
    enum ConsentChoice {
        IDENTIFIABLE_TO_POLICE, ANONYMISED_TO_POLICE, NOTHING_SAID, ANONYMOUS
    }

    private final SplittableRandom random;
    private final StrandMix strands = new StrandMix();
    private final List<Weighted<Districts.District>> districts;
    private final String run;
    private final long phoneBase;
    private final double batchUnitChance;
    private final int batchSize;
    private final Instant now;
    private final AtomicLong sequence = new AtomicLong();

    /**
     * @param run        this run's tag (letters and digits), in every reference, name, address and marker
     * @param districts  the district codes to report in (all of {@link Districts#ALL} or some of them)
     * @param batchShare the share of incidents sent in batches, 0 to 1
     * @param batchSize  reports per batch call, 1 to 500
     */
    ReportGenerator(long seed, String run, List<String> districts, double batchShare, int batchSize, Instant now) {
        this.random = new SplittableRandom(seed);
        this.run = run;
        this.districts = districts.stream().map(code -> {
            Districts.District d = Districts.BY_CODE.get(code);
            if (d == null) {
                throw new IllegalArgumentException("unknown district " + code);
            }
            return new Weighted<>(d, d.population());
        }).toList();
        // a block of 10^9 numbers per run, starting at random: runs meet only if their blocks overlap
        this.phoneBase = random.nextLong(1_000_000_000L);
        this.batchSize = batchSize;
        // a unit is a batch with chance p, where p*B / (p*B + 1 - p) is the share of incidents in batches
        this.batchUnitChance = batchShare <= 0 ? 0 : batchShare >= 1 ? 1
                : batchShare / (batchSize * (1 - batchShare) + batchShare);
        this.now = now;
    }

    /** What one call sends: a single report, a batch, or a public form. */
    record Unit(Channel channel, String sender, List<GeneratedReport> reports) {
    }

    /** The next call of the organisations' stream: a single report or a batch from the housing provider. */
    Unit nextUnit() {
        if (batchUnitChance > 0 && random.nextDouble() < batchUnitChance) {
            List<GeneratedReport> batch = new ArrayList<>(batchSize);
            for (int i = 0; i < batchSize; i++) {
                batch.add(report(Channel.BATCH, HOUSING));
            }
            return new Unit(Channel.BATCH, HOUSING, batch);
        }
        GeneratedReport one = report(Channel.SINGLE, null);
        return new Unit(Channel.SINGLE, one.sender(), List.of(one));
    }

    /** A report through the public form (half of them anonymous). */
    GeneratedReport nextPublic() {
        return report(Channel.PUBLIC, null);
    }

    private GeneratedReport report(Channel channel, String fixedSender) {
        long n = sequence.incrementAndGet();
        List<Strand> drawn = strands.draw(random);
        String sender = switch (channel) {
            case PUBLIC -> null;
            case BATCH -> fixedSender;
            case SINGLE -> senderFor(drawn);
        };
        String owner = sender == null ? POLICE : sender;
        Districts.District district = StrandMix.pick(districts, random);
        ConsentChoice choice = consentChoice(channel);
        boolean anonymous = choice == ConsentChoice.ANONYMOUS;
        String marker = "load:" + run + ":" + n;

        Map<String, Object> body = new LinkedHashMap<>();
        if (channel != Channel.PUBLIC) {
            body.put("sourceReference", prefix(owner) + "-LOAD-" + run + "-" + n);
        }
        body.put("occurredAt", now.minus(1 + random.nextLong(60 * 24), ChronoUnit.HOURS)
                .minus(random.nextLong(60), ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MINUTES).toString());
        body.put("district", district.code());
        body.put("postcode", district.outwardCode() + " " + (1 + random.nextInt(9))
                + (char) ('A' + random.nextInt(26)) + (char) ('A' + random.nextInt(26)));
        body.put("strands", drawn.stream().map(ReportGenerator::strandBody).toList());
        body.put("incidentTypes", incidentTypes());
        body.put("crimeSuspected", random.nextInt(100) < 75);
        body.put("perceivedBy", anonymous && random.nextBoolean() ? "witness" : "victim");
        body.put("narrative", WHAT.get(random.nextInt(WHAT.size())) + " [" + marker + "]");

        String victimName = null;
        List<Map<String, Object>> consents = new ArrayList<>();
        if (!anonymous) {
            victimName = GIVEN.get(random.nextInt(GIVEN.size())) + " " + FAMILY.get(random.nextInt(FAMILY.size()))
                    + " " + run.toUpperCase() + "-" + n;
            body.put("victim", victim(victimName, n));
            consents.addAll(policeConsent(choice, owner));
            consents.addAll(supportConsents(owner, drawn));
        }
        if (!consents.isEmpty()) {
            body.put("consents", consents);
        }
        Set<String> expected = expectedRecipients(owner, drawn, anonymous, consents);
        return new GeneratedReport(n, channel, sender, owner, district.code(), drawn, anonymous, victimName, marker,
                expected, body);
    }

    private String senderFor(List<Strand> drawn) {
        if (has(drawn, "religion", "anti-muslim") && random.nextDouble() < TO_REPORTING_CENTRE) {
            return TELL_MAMA;
        }
        if (has(drawn, "religion", "antisemitic") && random.nextDouble() < TO_REPORTING_CENTRE) {
            return CST;
        }
        return HOUSING;
    }

    private ConsentChoice consentChoice(Channel channel) {
        if (channel == Channel.PUBLIC) {
            return random.nextBoolean() ? ConsentChoice.ANONYMOUS : ConsentChoice.NOTHING_SAID;
        }
        int d = random.nextInt(100);
        return d < 45 ? ConsentChoice.IDENTIFIABLE_TO_POLICE : d < 70 ? ConsentChoice.ANONYMISED_TO_POLICE
                : d < 90 ? ConsentChoice.NOTHING_SAID : ConsentChoice.ANONYMOUS;
    }

    private Map<String, Object> victim(String name, long n) {
        Map<String, Object> victim = new LinkedHashMap<>();
        victim.put("name", name);
        victim.put("phone", String.format("07%09d", (phoneBase + n) % 1_000_000_000L));
        boolean email = random.nextInt(100) < 60;
        if (email) {
            victim.put("email", "victim." + run.toLowerCase() + "." + n + "@example.org");
        }
        victim.put("preferredContact", email && random.nextBoolean() ? "email" : "phone");
        victim.put("ageBand", StrandMix.pick(AGE_BANDS, random));
        return victim;
    }

    /** The victim's choice about the police; a police-owned case (public form) is not shared with its owner. */
    private List<Map<String, Object>> policeConsent(ConsentChoice choice, String owner) {
        if (POLICE.equals(owner) || choice == ConsentChoice.NOTHING_SAID) {
            return List.of();
        }
        String level = choice == ConsentChoice.IDENTIFIABLE_TO_POLICE ? "identifiable" : "anonymised";
        Map<String, Object> consent = new LinkedHashMap<>();
        // a third name the type rather than the force
        if (random.nextInt(3) == 0) {
            consent.put("recipientType", "police");
        } else {
            consent.put("recipientOrganisation", POLICE);
        }
        consent.put("purpose", "investigation");
        consent.put("level", level);
        consent.put("method", random.nextBoolean() ? "verbal" : "written");
        return List.of(consent);
    }

    /** Some victims ask the housing provider to refer them to a support charity (Galop or Victim Support). */
    private List<Map<String, Object>> supportConsents(String owner, List<Strand> drawn) {
        List<Map<String, Object>> consents = new ArrayList<>();
        if (HOUSING.equals(owner) && (has(drawn, "sexual-orientation", null) || has(drawn, "transgender", null))
                && random.nextInt(100) < 30) {
            consents.add(Map.of("recipientOrganisation", GALOP, "purpose", "support", "level", "identifiable",
                    "method", "verbal"));
        }
        if (HOUSING.equals(owner) && (has(drawn, "race", null) || has(drawn, "religion", null)
                || has(drawn, "disability", null)) && random.nextInt(100) < 15) {
            consents.add(Map.of("recipientOrganisation", VICTIM_SUPPORT, "purpose", "support",
                    "level", "identifiable", "method", "verbal"));
        }
        return consents;
    }

    /**
     * Who must receive a referral under the seeded demo agreements: West Kent Housing shares every strand with Kent
     * Police (anonymised without consent); with Galop (sexual orientation, transgender) and Victim Support Kent
     * (race, religion, disability) only identifiably, with the victim's consent for support; Kent Police and Tell
     * MAMA share anti-Muslim incidents both ways, Kent Police and CST antisemitic ones. A case is never shared with
     * its owner.
     */
    static Set<String> expectedRecipients(String owner, List<Strand> strands, boolean anonymous,
            List<Map<String, Object>> consents) {
        Set<String> expected = new LinkedHashSet<>();
        switch (owner) {
            case HOUSING -> {
                expected.add(POLICE);
                if (!anonymous && (has(strands, "sexual-orientation", null) || has(strands, "transgender", null))
                        && consentsTo(consents, GALOP)) {
                    expected.add(GALOP);
                }
                if (!anonymous && (has(strands, "race", null) || has(strands, "religion", null)
                        || has(strands, "disability", null)) && consentsTo(consents, VICTIM_SUPPORT)) {
                    expected.add(VICTIM_SUPPORT);
                }
            }
            case TELL_MAMA -> {
                if (has(strands, "religion", "anti-muslim")) {
                    expected.add(POLICE);
                }
            }
            case CST -> {
                if (has(strands, "religion", "antisemitic")) {
                    expected.add(POLICE);
                }
            }
            case POLICE -> {
                if (has(strands, "religion", "anti-muslim")) {
                    expected.add(TELL_MAMA);
                }
                if (has(strands, "religion", "antisemitic")) {
                    expected.add(CST);
                }
            }
            default -> throw new IllegalArgumentException("no demo agreements known for " + owner);
        }
        return expected;
    }

    private static boolean consentsTo(List<Map<String, Object>> consents, String organisation) {
        return consents.stream().anyMatch(c -> organisation.equals(c.get("recipientOrganisation"))
                && "identifiable".equals(c.get("level")) && "support".equals(c.get("purpose")));
    }

    static boolean has(List<Strand> strands, String code, String subCategory) {
        return strands.stream().anyMatch(s -> s.code().equals(code)
                && (subCategory == null || subCategory.equals(s.subCategory())));
    }

    private List<String> incidentTypes() {
        String first = StrandMix.pick(INCIDENT_TYPES, random);
        if (random.nextInt(100) < 30) {
            String second = StrandMix.pick(INCIDENT_TYPES, random);
            if (!second.equals(first)) {
                return List.of(first, second);
            }
        }
        return List.of(first);
    }

    private static Map<String, Object> strandBody(Strand strand) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", strand.code());
        if (strand.subCategory() != null) {
            body.put("subCategory", strand.subCategory());
        }
        return body;
    }

    private static String prefix(String organisation) {
        return switch (organisation) {
            case HOUSING -> "WKH";
            case TELL_MAMA -> "TM";
            case CST -> "CST";
            default -> "ORG";
        };
    }
}
