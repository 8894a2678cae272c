package org.amity.load;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Everything a run measured, as the report shows it. Times in seconds, latencies in milliseconds. */
record BenchResult(
        Instant started, Instant finished, String command, String label, String run, long seed,
        Machine machine, String loadAverageBefore, String loadAverageAfter,
        String mode, long planned, double batchShare, int batchSize, int publicPerMinute, int districts,
        long accepted, long publicAccepted, long calls, Map<String, Long> refusals, List<String> errors,
        double sendSeconds, double acceptedPerSecond,
        LatencyHistogram.Summary acknowledgement, LatencyHistogram.Summary single, LatencyHistogram.Summary batch,
        LatencyHistogram.Summary publicForm,
        Map<String, LatencyHistogram.Summary> referral, LatencyHistogram.Summary allReferrals,
        LatencyHistogram.Summary analytics, String analyticsNote,
        double referralsCompleteSeconds, double analyticsCompleteSeconds, boolean drained,
        List<ProcessFigures> processes, double timelineSeconds, List<String> timelineComponents,
        List<Timeline.Row> timeline, Raw raw, List<Verifier.Check> checks, List<String> notes) {

    /** One process over the run. */
    record ProcessFigures(String name, long pid, double firstMb, double peakMb, double lastMb,
            double cpuSecondsSending, double cpuSecondsAll, double secondsAll, long incidents) {

        /** Cores kept busy on average from the first send until everything was through. */
        double cores() {
            return cpuSecondsAll < 0 || secondsAll <= 0 ? -1 : cpuSecondsAll / secondsAll;
        }

        double cpuMillisPerIncident() {
            return cpuSecondsAll < 0 || incidents == 0 ? -1 : cpuSecondsAll * 1000 / incidents;
        }
    }

    /** The machine's own limits; negative where not measured, with the reason in {@code note}. */
    record Raw(double kafkaPerSecond, double kafkaMegabytesPerSecond, int kafkaMessageBytes, String kafkaSizeSource,
            double postgresSingleRowCommits, double postgresBatchedRows, int postgresDocumentBytes, String note) {
    }

    boolean passed() {
        return !checks.isEmpty() && checks.stream().allMatch(Verifier.Check::passed) && accepted > 0;
    }

    /** Incidents a second from the first intended send until the last one was through everywhere measured. */
    double endToEndPerSecond() {
        double until = Math.max(referralsCompleteSeconds, analyticsCompleteSeconds);
        return until <= 0 ? -1 : accepted / until;
    }
}
