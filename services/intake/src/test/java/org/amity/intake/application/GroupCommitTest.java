package org.amity.intake.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class GroupCommitTest {

    /** Records each unit it runs; the first unit waits until {@link #release} (the test fills the queue meanwhile). */
    static final class Units implements Function<List<String>, List<String>> {
        final List<List<String>> ran = new ArrayList<>();
        final CountDownLatch firstEntered = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        public List<String> apply(List<String> items) {
            synchronized (this) {
                ran.add(items);
            }
            firstEntered.countDown();
            await(release);
            if (items.contains("bad")) {
                throw new IllegalStateException("one bad item fails its transaction");
            }
            return items.stream().map(i -> i + " done").toList();
        }

        synchronized List<List<String>> ran() {
            return List.copyOf(ran);
        }
    }

    private GroupCommit<String, String> groups;

    @AfterEach
    void close() {
        if (groups != null) {
            groups.close(5_000);
        }
    }

    @Test
    void whatArrivesWhileAUnitRunsIsTakenTogetherByTheNextUpToTheLargestGroup() throws Exception {
        Units units = new Units();
        groups = new GroupCommit<>("test", 1, 3, 100, units);
        CompletableFuture<String> first = groups.submit("a");
        await(units.firstEntered);
        List<CompletableFuture<String>> rest = new ArrayList<>();
        for (String item : List.of("b", "c", "d", "e", "f")) {
            rest.add(groups.submit(item));
        }
        units.release.countDown();

        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("a done");
        assertThat(rest.get(4).get(10, TimeUnit.SECONDS)).isEqualTo("f done");
        assertThat(units.ran()).containsExactly(List.of("a"), List.of("b", "c", "d"), List.of("e", "f"));
        assertThat(rest.get(0).get()).isEqualTo("b done");
    }

    @Test
    void aUnitThatFailsIsRunAgainItemByItemSoThatOnlyTheBadItemFails() throws Exception {
        Units units = new Units();
        groups = new GroupCommit<>("test", 1, 10, 100, units);
        CompletableFuture<String> first = groups.submit("a");
        await(units.firstEntered);
        CompletableFuture<String> b = groups.submit("b");
        CompletableFuture<String> bad = groups.submit("bad");
        CompletableFuture<String> c = groups.submit("c");
        units.release.countDown();

        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("a done");
        assertThat(b.get(10, TimeUnit.SECONDS)).isEqualTo("b done");
        assertThat(c.get(10, TimeUnit.SECONDS)).isEqualTo("c done");
        assertThatThrownBy(() -> bad.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(IllegalStateException.class);
        assertThat(units.ran()).containsExactly(List.of("a"), List.of("b", "bad", "c"), List.of("b"), List.of("bad"),
                List.of("c"));
    }

    @Test
    void aFullQueueRefusesAtOnceAndKeepsWhatItHolds() throws Exception {
        Units units = new Units();
        groups = new GroupCommit<>("test", 1, 10, 2, units);
        CompletableFuture<String> first = groups.submit("a");
        await(units.firstEntered);
        CompletableFuture<String> b = groups.submit("b");
        CompletableFuture<String> c = groups.submit("c");

        assertThatThrownBy(() -> groups.submit("d")).isInstanceOf(RejectedExecutionException.class);
        assertThat(groups.waiting()).isEqualTo(2);
        units.release.countDown();
        assertThat(List.of(first.get(10, TimeUnit.SECONDS), b.get(10, TimeUnit.SECONDS), c.get(10, TimeUnit.SECONDS)))
                .containsExactly("a done", "b done", "c done");
        assertThat(units.ran()).noneMatch(unit -> unit.contains("d"));
    }

    @Test
    void closingRunsWhatWaitsAndRefusesWhatComesAfter() throws Exception {
        Units units = new Units();
        groups = new GroupCommit<>("test", 1, 10, 10, units);
        CompletableFuture<String> first = groups.submit("a");
        await(units.firstEntered);
        CompletableFuture<String> waiting = groups.submit("b");
        Thread closer = Thread.ofPlatform().start(() -> groups.close(10_000));
        units.release.countDown();
        closer.join(10_000);

        assertThat(closer.isAlive()).isFalse();
        assertThat(first.get()).isEqualTo("a done");
        assertThat(waiting.get()).isEqualTo("b done");
        assertThatThrownBy(() -> groups.submit("c")).isInstanceOf(RejectedExecutionException.class);
    }

    @Test
    void withALingerTheFirstItemWaitsForOthersUntilTheUnitIsFull() throws Exception {
        Units units = new Units();
        units.release.countDown();
        groups = new GroupCommit<>("test", 1, 3, 10, Duration.ofSeconds(30), units);
        CompletableFuture<String> a = groups.submit("a");
        CompletableFuture<String> b = groups.submit("b");
        CompletableFuture<String> c = groups.submit("c");

        assertThat(List.of(a.get(10, TimeUnit.SECONDS), b.get(10, TimeUnit.SECONDS), c.get(10, TimeUnit.SECONDS)))
                .containsExactly("a done", "b done", "c done");
        assertThat(units.ran()).containsExactly(List.of("a", "b", "c"));
    }

    @Test
    void aUnitThatAnswersTheWrongNumberOfItemsFailsThem() {
        groups = new GroupCommit<>("test", 1, 10, 10, items -> List.of());

        assertThatThrownBy(() -> groups.submit("a").get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasMessageContaining("0 outcomes for 1 items");
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("not released within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
