package org.amity.analytics.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ArrayLiteralsTest {

    @Test
    void everyElementIsQuotedSoThatAnEmptyOneStays() {
        assertThat(ArrayLiterals.of(new Object[] {"race", "", "anti-black"})).isEqualTo("{\"race\",\"\",\"anti-black\"}");
        assertThat(ArrayLiterals.of(new Object[] {""})).isEqualTo("{\"\"}");
        assertThat(ArrayLiterals.of(new Object[0])).isEqualTo("{}");
    }

    @Test
    void quotesAndBackslashesAreEscapedAndNullIsNull() {
        assertThat(ArrayLiterals.of(new Object[] {"{\"a\":\"b\\c\"}", null, "NULL", "a,b {c}"}))
                .isEqualTo("{\"{\\\"a\\\":\\\"b\\\\c\\\"}\",NULL,\"NULL\",\"a,b {c}\"}");
    }

    @Test
    void anElementIsWrittenAsItsText() {
        assertThat(ArrayLiterals.of(new Object[] {java.time.LocalDate.of(2024, 5, 1), 7L}))
                .isEqualTo("{\"2024-05-01\",\"7\"}");
    }
}
