package org.amity.common.problem;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProblemMappersTest {

    @Test
    void anUnexpectedFailureIsLoggedWithoutItsMessagesWhichMayQuoteTheRequest() {
        Exception failure = new IllegalStateException("could not store victim Jane Canary",
                new IllegalArgumentException("bad value 'Jane Canary'"));

        String logged = ProblemMappers.withoutMessages(failure);

        assertThat(logged).doesNotContain("Jane").doesNotContain("Canary")
                .contains("java.lang.IllegalStateException")
                .contains("caused by java.lang.IllegalArgumentException")
                .contains("ProblemMappersTest");
    }
}
