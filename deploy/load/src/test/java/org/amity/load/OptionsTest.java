package org.amity.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

class OptionsTest {

    @Test
    void defaultsAreTheLocalPlatform() {
        Options o = Options.parse(List.of("--seed", "1"));
        assertThat(o.rate()).isEqualTo(200);
        assertThat(o.incidents()).isEqualTo(10_000);
        assertThat(o.intakeUrl()).isEqualTo("http://localhost:8081");
        assertThat(o.postgres()).isEqualTo("localhost:5432");
        assertThat(o.databases()).containsEntry("case", "casework");
        assertThat(o.districts()).hasSize(13);
        assertThat(o.feeds()).contains("kent-police");
        assertThat(o.intakeOnly()).isFalse();
    }

    @Test
    void intakeOnlyIsAFlag() {
        Options o = Options.parse(List.of("--intake-only", "--rate", "500", "--seconds", "30"));
        assertThat(o.intakeOnly()).isTrue();
        assertThat(o.incidents()).isEqualTo(15_000);
    }

    @Test
    void secondsAtARateMakeTheCount() {
        assertThat(Options.parse(List.of("--rate", "500", "--seconds", "60")).incidents()).isEqualTo(30_000);
        assertThat(Options.parse(List.of("--max", "--seconds", "60")).incidents()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void aWarmUpIsTheRunsMixAtItsRateWithoutThePublicForm() {
        Options o = Options.parse(List.of("--intake-only", "--rate", "500", "--seconds", "30", "--warm-up", "60",
                "--batch-share", "0.2", "--public-per-minute", "6"));
        assertThat(o.warmUpSeconds()).isEqualTo(60);
        assertThat(o.incidents()).isEqualTo(15_000);
        Options warm = o.warmUp();
        assertThat(warm.incidents()).isEqualTo(30_000);
        assertThat(warm.seconds()).isEqualTo(60);
        assertThat(warm.rate()).isEqualTo(500);
        assertThat(warm.batchShare()).isEqualTo(0.2);
        assertThat(warm.publicPerMinute()).isZero();
        assertThat(warm.warmUpSeconds()).isZero();
        assertThat(Options.parse(List.of("--intake-only")).warmUpSeconds()).isZero();
    }

    @Test
    void optionsTakeTheirValueAfterAnEqualsSignToo() {
        Options o = Options.parse(List.of("--rate=50", "--pid", "intake=12", "--pid=postgres=13",
                "--databases", "case=e2e_casework", "--batch-share", "0"));
        assertThat(o.rate()).isEqualTo(50);
        assertThat(o.pids()).containsEntry("intake", 12L).containsEntry("postgres", 13L);
        assertThat(o.databases()).containsEntry("case", "e2e_casework").containsEntry("sharing", "sharing");
        assertThat(o.batchShare()).isZero();
    }

    @Test
    void badOptionsSayWhatIsWrong() {
        assertInvalid(List.of("--rate", "0"), "--rate must be a number above 0");
        assertInvalid(List.of("--rate", "fast"), "--rate must be a number");
        assertInvalid(List.of("--rate", "5", "--max"), "--rate or --max");
        assertInvalid(List.of("--incidents", "5", "--seconds", "5"), "--incidents or --seconds");
        assertInvalid(List.of("--batch-share", "1.5"), "--batch-share must be from 0 to 1");
        assertInvalid(List.of("--batch-size", "501"), "--batch-size must be from 1 to 500");
        assertInvalid(List.of("--public-per-minute", "11"), "from 0 to 10");
        assertInvalid(List.of("--districts", "kent"), "unknown district 'kent'");
        assertInvalid(List.of("--feeds", "galop,nobody"), "'nobody' receives no referral");
        assertInvalid(List.of("--pid", "redis=3"), "--pid takes NAME=PID");
        assertInvalid(List.of("--intake", "localhost:8081"), "--intake must be a base URL");
        assertInvalid(List.of("--kafka", "http://x"), "--kafka must be HOST:PORT");
        assertInvalid(List.of("--progress", "loud"), "--progress must be bar, lines, none or auto");
        assertInvalid(List.of("--frobnicate", "1"), "unknown option --frobnicate");
        assertInvalid(List.of("--rate"), "--rate needs a value");
        assertInvalid(List.of("now"), "unexpected argument 'now'");
        assertInvalid(List.of("--rate", "1", "--rate", "2"), "--rate is given twice");
        assertInvalid(List.of("--intake-only", "--feeds", "galop"), "--intake-only follows nothing downstream");
        assertInvalid(List.of("--intake-only", "--drain-seconds", "5"), "drop --drain-seconds");
        assertInvalid(List.of("--warm-up", "30"), "--warm-up goes with --rate and --intake-only");
        assertInvalid(List.of("--intake-only", "--max", "--warm-up", "30"), "--warm-up goes with --rate");
        assertInvalid(List.of("--intake-only", "--warm-up", "-1"), "--warm-up must be from 0 to 3600");
    }

    @Test
    void theToolExitsWithTwoAndAMessageOnBadOptionsAndDocumentsEveryOption() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        LoadTool.Outcome outcome = LoadTool.run(List.of("--rate", "-3"), new PrintStream(out), new PrintStream(err));
        assertThat(outcome.status()).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("amity bench: --rate must be");

        LoadTool.Outcome help = LoadTool.run(List.of("--help"), new PrintStream(out), new PrintStream(err));
        assertThat(help.status()).isZero();
        String text = out.toString(StandardCharsets.UTF_8);
        for (String option : List.of("--rate", "--max", "--concurrency", "--incidents", "--seconds", "--warm-up",
                "--batch-share", "--batch-size", "--public-per-minute", "--districts", "--seed", "--feeds",
                "--raw-seconds", "--drain-seconds", "--intake-only", "--pid", "--intake", "--case", "--sharing",
                "--analytics", "--keycloak", "--kafka", "--postgres", "--superuser", "--databases", "--out", "--readme",
                "--label", "--progress", "--help")) {
            assertThat(text).as(option).contains(option);
        }
    }

    @Test
    void aStoppedPlatformIsNamedAndExitsWithOne() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        // port 9 (discard) on loopback: nothing of the platform there
        LoadTool.Outcome outcome = LoadTool.run(List.of("--intake", "http://127.0.0.1:9", "--case",
                "http://127.0.0.1:9", "--sharing", "http://127.0.0.1:9", "--analytics", "http://127.0.0.1:9"),
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err));
        assertThat(outcome.status()).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("not ready: intake (http://127.0.0.1:9)")
                .contains("./amity up");
    }

    @Test
    void intakeOnlyAsksOnlyIntakeWhetherItIsReady() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        LoadTool.Outcome outcome = LoadTool.run(List.of("--intake-only", "--intake", "http://127.0.0.1:9"),
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(err));
        assertThat(outcome.status()).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("not ready: intake (http://127.0.0.1:9).")
                .doesNotContain("case (");
    }

    private static void assertInvalid(List<String> args, String message) {
        assertThatThrownBy(() -> Options.parse(args)).isInstanceOf(Options.Invalid.class).hasMessageContaining(message);
    }
}
