package org.amity.platformtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.amity.load.LoadTool;
import org.amity.platform.Infrastructure;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The load tool of {@code ./amity bench}, run as its command line would be against the packaged services: a small
 * run at a modest rate loses and duplicates nothing (the tool's own checks, through the APIs and the services'
 * databases) and writes its dated report. No timing is asserted: this machine is shared.
 */
class LoadToolIT {

    /** Not the districts other platform tests count in (swale, gravesham, ashford). */
    static final String DISTRICTS = "canterbury,dartford,dover,folkestone-and-hythe,maidstone,sevenoaks,thanet,"
            + "tonbridge-and-malling,tunbridge-wells,medway";

    static PlatformUnderTest platform;

    @BeforeAll
    static void platform() {
        platform = PlatformUnderTest.get();
    }

    @Test
    void aSmallRunLosesNothingDuplicatesNothingAndWritesItsReport(@TempDir Path out) throws Exception {
        Infrastructure infrastructure = platform.infrastructure();
        String admin = infrastructure.postgresJdbcUrl("postgres");
        String postgres = admin.substring("jdbc:postgresql://".length(), admin.lastIndexOf('/'));
        List<String> args = new ArrayList<>(List.of(
                "--incidents", System.getProperty("load.incidents", "200"),
                "--rate", System.getProperty("load.rate", "40"),
                "--batch-share", "0.25", "--batch-size", "25", "--public-per-minute", "6",
                "--districts", DISTRICTS, "--seed", "20261121",
                "--raw-seconds", System.getProperty("load.raw-seconds", "1"), "--drain-seconds", "240",
                "--progress", "lines", "--label", "platform tests",
                "--intake", platform.url("intake"), "--case", platform.url("case"),
                "--sharing", platform.url("sharing"), "--analytics", platform.url("analytics"),
                "--keycloak", infrastructure.keycloakUrl(), "--kafka", infrastructure.kafkaBootstrapServers(),
                "--postgres", postgres,
                "--superuser", System.getProperty("amity.shared.postgres.user", "postgres") + ":"
                        + System.getProperty("amity.shared.postgres.password", "postgres"),
                "--databases", "intake=" + PlatformUnderTest.SERVICES.get("intake") + ",case="
                        + PlatformUnderTest.SERVICES.get("case") + ",sharing=" + PlatformUnderTest.SERVICES.get("sharing")
                        + ",analytics=" + PlatformUnderTest.SERVICES.get("analytics"),
                "--out", System.getProperty("load.out", out.toString())));
        for (String service : platform.services()) {
            args.add("--pid");
            args.add(service + "=" + platform.pid(service));
        }
        ByteArrayOutputStream said = new ByteArrayOutputStream();
        PrintStream both = new PrintStream(new TeeStream(said, System.out), true, StandardCharsets.UTF_8);

        LoadTool.Outcome outcome = LoadTool.run(args, both, System.err);

        String output = said.toString(StandardCharsets.UTF_8);
        assertThat(outcome.status()).as(output).isZero();
        assertThat(output).contains("nothing lost, nothing duplicated").doesNotContain("FAILED");
        assertThat(outcome.report()).exists().hasParent(Path.of(System.getProperty("load.out", out.toString())));
        String report = Files.readString(outcome.report());
        assertThat(report).contains("**Nothing lost, nothing duplicated.**")
                .contains("| case: one case per incident |")
                .contains("| sharing: referrals to kent-police |")
                .contains("| sharing: new in the feed of kent-police |")
                .contains("| analytics: one statistics fact per case |")
                .containsPattern("\\| intake acknowledgement, each report \\| [1-9][0-9,]* \\|")
                .contains("| intake | " + platform.pid("intake") + " |")
                .contains("| cores | ");
        assertThat(outcome.report().resolveSibling("README.md")).content()
                .contains(outcome.report().getFileName().toString());
    }

    /** Writes to two streams: the test keeps what the tool said, and the build log shows it. */
    static final class TeeStream extends java.io.OutputStream {
        private final java.io.OutputStream a;
        private final java.io.OutputStream b;

        TeeStream(java.io.OutputStream a, java.io.OutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public void write(int c) throws java.io.IOException {
            a.write(c);
            b.write(c);
        }

        @Override
        public void write(byte[] bytes, int off, int len) throws java.io.IOException {
            a.write(bytes, off, len);
            b.write(bytes, off, len);
        }
    }
}
