package org.amity.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

/** The patterns matched by hand say what their regular expressions say, on valid values and on a great many others. */
class PatternsTest {

    private static final String ALPHABET = "0123456789abcfgzAFZT:.-_ \n\u00e9";

    @Test
    void eachPatternMatchedByHandAgreesWithItsRegularExpression() {
        check(Patterns.CODE, List.of("race", "anti-muslim", "a1-b2-c3", "9", "x".repeat(64)));
        check(Patterns.UUID, List.of("0b7e3c52-5a1d-4d8e-9f0a-2c4b6d8e0f12", "00000000-0000-0000-0000-000000000000"));
        check(Patterns.DATE, List.of("2026-11-21", "0000-00-00"));
        check(Patterns.INSTANT, List.of("2026-11-21T10:00:00Z", "2026-11-21T10:00:00.1Z", "2026-11-21T10:00:00.123456789Z"));
        check(Patterns.EVENT_TYPE, List.of("IncidentReported", "CaseStatisticsRecorded", "Abc", "Z" + "z".repeat(63),
                "AZaz"));
        check(Patterns.AGGREGATE_ID, List.of("0b7e3c52-5a1d-4d8e-9f0a-2c4b6d8e0f12", "AMY-7K2Q9X", "a", "-", "Zz09"));
    }

    @Test
    void aLineBreakAtTheEndDoesNotPassForTheEndOfTheString() {
        // ECMA-262's $, which JSON Schema uses; Java's would accept these
        assertThat(Patterns.matcher(Patterns.CODE).test("anti-muslim\n")).isFalse();
        assertThat(Patterns.matcher("^[A-Z0-9-]{6,40}$").test("AMY-7K2Q9X\n")).isFalse();
        assertThat(Patterns.matcher("^[A-Z0-9-]{6,40}$").test("AMY-7K2Q9X")).isTrue();
    }

    /** Every valid value, every one-character change, deletion and insertion of it, and random strings. */
    private static void check(String regex, List<String> valid) {
        Predicate<String> byHand = Patterns.matcher(regex);
        Predicate<String> expression = Patterns.regularExpression(regex);
        List<String> values = new ArrayList<>(valid);
        for (String v : valid) {
            for (int i = 0; i <= v.length(); i++) {
                for (char c : ALPHABET.toCharArray()) {
                    values.add(v.substring(0, i) + c + v.substring(i));
                    if (i < v.length()) {
                        values.add(v.substring(0, i) + c + v.substring(i + 1));
                    }
                }
                if (i < v.length()) {
                    values.add(v.substring(0, i) + v.substring(i + 1));
                }
            }
        }
        Random random = new Random(regex.hashCode());
        for (int n = 0; n < 20_000; n++) {
            StringBuilder s = new StringBuilder();
            int length = random.nextInt(40);
            for (int i = 0; i < length; i++) {
                s.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            values.add(s.toString());
        }
        int matched = 0;
        for (String value : values) {
            boolean expected = expression.test(value);
            assertThat(byHand.test(value)).as("%s on \"%s\"", regex, value).isEqualTo(expected);
            matched += expected ? 1 : 0;
        }
        // both verdicts in number: the valid values and their one-character variants that still match
        assertThat(matched).isGreaterThan(valid.size());
        assertThat(values.size() - matched).isGreaterThan(10_000);
    }
}
