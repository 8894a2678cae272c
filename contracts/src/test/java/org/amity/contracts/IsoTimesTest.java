package org.amity.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

class IsoTimesTest {

    @Test
    void instantsAreReadAsInstantParseReadsThem() {
        Random random = new Random(11);
        long first = LocalDate.of(0, 1, 1).toEpochDay() * 86_400L;
        long last = LocalDate.of(9999, 12, 31).toEpochDay() * 86_400L + 86_399;
        DateTimeFormatter seconds = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");
        for (int i = 0; i < 20_000; i++) {
            LocalDateTime time = LocalDateTime.ofEpochSecond(first + (long) (random.nextDouble() * (last - first)), 0,
                    ZoneOffset.UTC);
            String nanos = "%09d".formatted(random.nextInt(1_000_000_000));
            int digits = random.nextInt(10);
            assertReadsAs(time.format(seconds) + (digits == 0 ? "" : "." + nanos.substring(0, digits)) + "Z",
                    Instant::parse, IsoTimes::instant);
        }
        for (String text : List.of("2024-02-29T23:59:59.999999999Z", "2000-02-29T00:00:00Z", "1970-01-01T00:00:00Z",
                "0000-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "2026-11-20T10:15:30.100Z",
                // not as the schema admits, or out of range: Instant.parse has the last word
                "2023-02-29T00:00:00Z", "1900-02-29T00:00:00Z", "2026-13-01T00:00:00Z", "2026-00-10T00:00:00Z",
                "2026-12-00T00:00:00Z", "2026-04-31T00:00:00Z", "2026-12-03T24:00:00Z", "2026-12-03T23:60:00Z",
                "2026-12-03T23:59:60Z", "2026-12-03T10:15:30.Z", "2026-12-03T10:15:30.1234567890Z",
                "2026-12-03 10:15:30Z", "2026-12-03T10:15:30+01:00", "2026-12-03T10:15:30z", "+2026-12-03T10:15:30Z",
                "2026-1\uff12-03T10:15:30Z", "2026-12-03T1-:15:30Z", "")) {
            assertReadsAs(text, Instant::parse, IsoTimes::instant);
        }
    }

    @Test
    void datesAreReadAsLocalDateParseReadsThem() {
        Random random = new Random(13);
        long first = LocalDate.of(0, 1, 1).toEpochDay();
        long last = LocalDate.of(9999, 12, 31).toEpochDay();
        for (int i = 0; i < 20_000; i++) {
            assertReadsAs(LocalDate.ofEpochDay(first + (long) (random.nextDouble() * (last - first))).toString(),
                    LocalDate::parse, IsoTimes::date);
        }
        for (String text : List.of("2024-02-29", "2000-02-29", "1970-01-01", "0000-01-01", "9999-12-31",
                "2023-02-29", "1900-02-29", "2026-13-01", "2026-00-10", "2026-12-00", "2026-04-31", "2026-12-3",
                "2026-12-031", "2026/12/03", "+2026-12-03", "-2026-12-03", "2026-1\uff12-03", "2026-12-0a", "")) {
            assertReadsAs(text, LocalDate::parse, IsoTimes::date);
        }
    }

    /** {@code byPosition} gives what {@code reference} gives, or throws when it throws. */
    private static void assertReadsAs(String text, Function<String, ?> reference, Function<String, ?> byPosition) {
        Object expected;
        try {
            expected = reference.apply(text);
        } catch (DateTimeParseException e) {
            assertThatThrownBy(() -> byPosition.apply(text)).as(text).isInstanceOf(DateTimeParseException.class);
            return;
        }
        assertThat(byPosition.apply(text)).as(text).isEqualTo(expected);
    }
}
