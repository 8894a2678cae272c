package org.amity.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * {@code run-at-priority}, with which {@code ./amity up} starts the consumers: the command runs at the nice value
 * given, and a session leader's scheduling group gets it too (a kernel with autogroups shares the CPU between
 * sessions whatever the threads' nice values), while a command run from an ordinary shell leaves the caller's group
 * alone.
 */
class RunAtPriorityTest {

    private static final Path SCRIPT = Path.of("run-at-priority").toAbsolutePath();
    private static final Path AUTOGROUP = Path.of("/proc/self/autogroup");

    record Run(int exit, String out, String err) {
    }

    @Test
    void theCommandRunsAtTheNiceValueGiven() throws Exception {
        Run run = run(List.of(SCRIPT.toString(), "7", "sh", "-c", "nice"));
        assertThat(run.exit()).isZero();
        assertThat(run.out().strip()).isEqualTo("7");
        assertThat(run(List.of(SCRIPT.toString(), "0", "sh", "-c", "nice")).out().strip()).isEqualTo("0");
    }

    @Test
    void aSessionLeadersSchedulingGroupGetsTheNiceValue() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/setsid")) && Files.isWritable(AUTOGROUP),
                "needs setsid and a kernel with autogroup scheduling");
        Run run = run(List.of("/usr/bin/setsid", "-w", SCRIPT.toString(), "9", "cat", "/proc/self/autogroup"));
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("nice 9");
    }

    @Test
    void outsideItsOwnSessionItLeavesTheCallersGroupAlone() throws Exception {
        assumeTrue(Files.isReadable(AUTOGROUP), "needs a kernel with autogroup scheduling");
        String before = Files.readString(AUTOGROUP);
        Run run = run(List.of(SCRIPT.toString(), "11", "cat", "/proc/self/autogroup"));
        assertThat(run.exit()).isZero();
        assertThat(run.out()).isEqualTo(before);
        assertThat(Files.readString(AUTOGROUP)).isEqualTo(before);
    }

    @Test
    void aNiceValueOutOfRangeIsRefusedAndNothingRuns() throws Exception {
        for (String bad : List.of("20", "-1", "x", "")) {
            Run run = run(List.of(SCRIPT.toString(), bad, "sh", "-c", "echo ran"));
            assertThat(run.exit()).as(bad).isEqualTo(2);
            assertThat(run.out()).as(bad).doesNotContain("ran");
            assertThat(run.err()).as(bad).contains("NICE must be from 0 to 19");
        }
    }

    private static Run run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(new ArrayList<>(command)).start();
        process.getOutputStream().close();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("did not end: " + command);
        }
        return new Run(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }
}
