package org.amity.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.ToIntFunction;

import org.amity.contracts.casework.CaseStatisticsRecorded;
import org.junit.jupiter.api.Test;

/**
 * What receiving an event costs a consumer's CPU, on one thread: {@link EventCodec#decode} (parsing, the schema check,
 * the envelope) and then {@link EventCodec#data} (the contract's record), over 20,000 statistics events like the ones
 * analytics reads; and what reading an instant and a date costs. Not a test (the name keeps it out of {@code mvn verify}):
 * {@code ./mvnw -q test -pl contracts -Dtest=DecodeBench -Dsurefire.failIfNoSpecifiedTests=false}. Prints the median
 * and the spread of eight timed passes after four warm-up ones, in microseconds an event.
 */
class DecodeBench {

    static final int EVENTS = 20_000;

    @Test
    void decodeStatisticsEvents() {
        Random random = new Random(5);
        List<String> strands = List.of("race", "religion", "sexual-orientation", "disability", "transgender");
        List<String> payloads = new ArrayList<>(EVENTS);
        for (int i = 0; i < EVENTS; i++) {
            LocalDate received = LocalDate.of(2016, 4, 1).plusDays(random.nextInt(3650));
            var facts = new CaseStatisticsRecorded(UUID.randomUUID(), received, received.minusDays(random.nextInt(5)),
                    "district-%03d".formatted(1 + random.nextInt(300)),
                    List.of(new Strand(strands.get(random.nextInt(strands.size())), null)),
                    List.of("verbal-abuse", "harassment").subList(0, 1 + random.nextInt(2)), random.nextBoolean(),
                    "police", random.nextInt(4) == 0 ? 1 + random.nextInt(21) : null, random.nextInt(10) == 0,
                    random.nextBoolean(), "hate-crime", null, false, "kent-police");
            EventEnvelope event = EventCodec.newEvent(CaseStatisticsRecorded.TYPE, CaseStatisticsRecorded.VERSION,
                    facts.caseKey().toString(), UUID.randomUUID(), "case",
                    DataProtectionScope.of("statistics", "uk-gdpr-6-1-e"), facts, List.of());
            payloads.add(EventCodec.encode(event));
        }
        double[] decode = new double[8];
        double[] data = new double[8];
        long sink = 0;
        for (int pass = -4; pass < 8; pass++) {
            List<EventEnvelope> decoded = new ArrayList<>(EVENTS);
            long t0 = System.nanoTime();
            for (String payload : payloads) {
                decoded.add(EventCodec.decode(payload));
            }
            long t1 = System.nanoTime();
            for (EventEnvelope event : decoded) {
                sink += EventCodec.data(event, CaseStatisticsRecorded.class).district().length();
            }
            long t2 = System.nanoTime();
            if (pass >= 0) {
                decode[pass] = (t1 - t0) / 1e3 / EVENTS;
                data[pass] = (t2 - t1) / 1e3 / EVENTS;
            }
        }
        assertThat(sink).isPositive();
        System.out.printf("[decode-bench] decode (parse, schema check, envelope): %s%n", spread(decode));
        System.out.printf("[decode-bench] data (the contract's record):          %s%n", spread(data));
    }

    /** Reading an instant and a date: the general formatter against the reading by position, interleaved. */
    @Test
    void readTimes() {
        Instant now = Instant.now();
        List<String> instants = new ArrayList<>(EVENTS);
        List<String> dates = new ArrayList<>(EVENTS);
        for (int i = 0; i < EVENTS; i++) {
            instants.add(now.minusNanos(i * 1_013_117_311L).toString());
            dates.add(LocalDate.ofEpochDay(17_000 + i % 3_650).toString());
        }
        List<List<String>> texts = List.of(instants, instants, dates, dates);
        List<ToIntFunction<String>> readers = List.of(text -> Instant.parse(text).getNano(),
                text -> IsoTimes.instant(text).getNano(), text -> LocalDate.parse(text).getDayOfMonth(),
                text -> IsoTimes.date(text).getDayOfMonth());
        double[][] passes = new double[readers.size()][8];
        long sink = 0;
        for (int pass = -4; pass < 8; pass++) {
            for (int k = 0; k < readers.size(); k++) {
                ToIntFunction<String> read = readers.get(k);
                long t0 = System.nanoTime();
                for (String text : texts.get(k)) {
                    sink += read.applyAsInt(text);
                }
                if (pass >= 0) {
                    passes[k][pass] = (System.nanoTime() - t0) / 1e3 / EVENTS;
                }
            }
        }
        assertThat(sink).isPositive();
        System.out.printf("[decode-bench] an instant, Instant.parse:            %s%n", spread(passes[0]));
        System.out.printf("[decode-bench] an instant, IsoTimes.instant:         %s%n", spread(passes[1]));
        System.out.printf("[decode-bench] a date, LocalDate.parse:              %s%n", spread(passes[2]));
        System.out.printf("[decode-bench] a date, IsoTimes.date:                %s%n", spread(passes[3]));
    }

    private static String spread(double[] microseconds) {
        double[] sorted = microseconds.clone();
        Arrays.sort(sorted);
        return "median %.2f µs an event (%.2f-%.2f over %d passes)".formatted(
                (sorted[3] + sorted[4]) / 2, sorted[0], sorted[sorted.length - 1], sorted.length);
    }
}
