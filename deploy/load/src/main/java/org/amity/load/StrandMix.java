package org.amity.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Which monitored strands an incident carries, drawn so that each strand's share of incidents is the Home Office's
 * for England and Wales 2017/18: of 94,098 offences, race 71,251, sexual orientation 11,638, religion 8,336,
 * disability 7,226, transgender 1,651. Those add up to 100,102: 6,004 offences carry two strands. The Home Office
 * publishes the shares only, not which strands go together; the pairs below are this tool's assumption (race with
 * religion the most common, sexual orientation with transgender identity next), chosen so that every strand keeps
 * its national share exactly.
 */
final class StrandMix {

    static final long OFFENCES = 94_098;

    /** The national count per strand, Home Office 2017/18. */
    static final Map<String, Long> NATIONAL = Map.of(
            "race", 71_251L,
            "sexual-orientation", 11_638L,
            "religion", 8_336L,
            "disability", 7_226L,
            "transgender", 1_651L);

    /** Incidents with these two strands, out of {@link #OFFENCES}: 6,004 in all. */
    static final List<Combination> PAIRS = List.of(
            new Combination(List.of("race", "religion"), 3_000),
            new Combination(List.of("race", "disability"), 800),
            new Combination(List.of("race", "sexual-orientation"), 800),
            new Combination(List.of("sexual-orientation", "transgender"), 700),
            new Combination(List.of("disability", "sexual-orientation"), 300),
            new Combination(List.of("religion", "sexual-orientation"), 200),
            new Combination(List.of("race", "transgender"), 204));

    /** Religious hate by the targeted religion, Home Office 2017/18 (rounded shares, per mille). */
    static final List<Weighted<String>> RELIGIONS = List.of(
            new Weighted<>("anti-muslim", 520), new Weighted<>("antisemitic", 120),
            new Weighted<>("anti-christian", 50), new Weighted<>("anti-sikh", 20),
            new Weighted<>("anti-hindu", 10), new Weighted<>("other-religion", 280));

    static final List<Weighted<String>> DISABILITIES = List.of(
            new Weighted<>("physical", 300), new Weighted<>("learning", 350),
            new Weighted<>("mental-health", 250), new Weighted<>("sensory", 100));

    record Combination(List<String> strands, long incidents) {
    }

    record Weighted<T>(T value, long weight) {
    }

    /** A strand as intake takes it: a code and, for religion and disability, a sub-category. */
    record Strand(String code, String subCategory) {
    }

    private final List<Weighted<List<String>>> combinations;

    StrandMix() {
        List<Weighted<List<String>>> all = new ArrayList<>();
        for (Map.Entry<String, Long> strand : NATIONAL.entrySet()) {
            long inPairs = PAIRS.stream().filter(p -> p.strands().contains(strand.getKey()))
                    .mapToLong(Combination::incidents).sum();
            all.add(new Weighted<>(List.of(strand.getKey()), strand.getValue() - inPairs));
        }
        PAIRS.forEach(p -> all.add(new Weighted<>(p.strands(), p.incidents())));
        all.sort(java.util.Comparator.comparing(w -> String.join("+", w.value())));
        this.combinations = List.copyOf(all);
        long total = all.stream().mapToLong(Weighted::weight).sum();
        if (total != OFFENCES) {
            throw new IllegalStateException("the strand combinations add up to " + total + ", not " + OFFENCES);
        }
    }

    /** One incident's strands, each with a sub-category where the strand has them. */
    List<Strand> draw(RandomGenerator random) {
        List<String> codes = pick(combinations, random);
        List<Strand> strands = new ArrayList<>(codes.size());
        for (String code : codes) {
            strands.add(switch (code) {
                case "religion" -> new Strand(code, pick(RELIGIONS, random));
                // a quarter of disability reports do not say which disability
                case "disability" -> new Strand(code, random.nextInt(4) == 0 ? null : pick(DISABILITIES, random));
                default -> new Strand(code, null);
            });
        }
        return strands;
    }

    static <T> T pick(List<Weighted<T>> choices, RandomGenerator random) {
        long total = 0;
        for (Weighted<T> choice : choices) {
            total += choice.weight();
        }
        long ticket = random.nextLong(total);
        for (Weighted<T> choice : choices) {
            ticket -= choice.weight();
            if (ticket < 0) {
                return choice.value();
            }
        }
        throw new IllegalStateException("unreachable: weights changed while picking");
    }
}
