package org.amity.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class TimeOrderedIdsTest {

    @Test
    void anIdIsAVersion7UuidOfTheMillisecondItWasMadeIn() {
        long before = System.currentTimeMillis();
        UUID id = TimeOrderedIds.next();
        long after = System.currentTimeMillis();
        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(TimeOrderedIds.millisOf(id)).isBetween(before, after);
        assertThat(Patterns.isUuid(id.toString())).isTrue();
    }

    @Test
    void idsSortByTheMillisecondTheyWereMadeIn() {
        // PostgreSQL orders uuid values byte by byte, as their lower-case text sorts
        List<String> ids = new ArrayList<>();
        for (long millis = 1_700_000_000_000L; millis < 1_700_000_000_000L + 5_000; millis += 7) {
            ids.add(TimeOrderedIds.at(millis).toString());
        }
        assertThat(ids).isSorted();
    }

    @Test
    void idsMadeInTheSameMillisecondDiffer() {
        Set<UUID> ids = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            ids.add(TimeOrderedIds.at(1_700_000_000_000L));
        }
        assertThat(ids).hasSize(100_000);
    }
}
