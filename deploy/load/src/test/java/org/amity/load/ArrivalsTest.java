package org.amity.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class ArrivalsTest {

    @Test
    void wakesWhenAnArrivalMakesTheConditionTrue() throws Exception {
        Arrivals arrivals = new Arrivals();
        AtomicInteger seen = new AtomicInteger();
        Thread reader = Thread.ofVirtual().start(() -> {
            for (int i = 0; i < 3; i++) {
                seen.incrementAndGet();
                arrivals.arrived();
            }
        });
        assertThat(arrivals.await(() -> seen.get() == 3, TimeUnit.MINUTES.toNanos(1))).isTrue();
        reader.join();
    }

    @Test
    void givesUpWhenTheTimeIsOverWithoutIt() throws Exception {
        assertThat(new Arrivals().await(() -> false, TimeUnit.MILLISECONDS.toNanos(20))).isFalse();
    }
}
