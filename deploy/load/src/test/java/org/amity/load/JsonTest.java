package org.amity.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;

import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void readsATopLevelFieldPastNestedOnesOfTheSameName() {
        String json = "{\"victim\":{\"id\":\"inner\",\"list\":[{\"id\":1}]},\"tags\":[\"id\"],\"id\":\"outer\",\"n\":2}";
        assertThat(Json.topLevelText(json, "id")).isEqualTo("outer");
        assertThat(Json.topLevelText(json, "n")).isEqualTo("2");
    }

    @Test
    void noSuchFieldOrNotAScalarGivesNull() {
        assertThat(Json.topLevelText("{\"victim\":{\"id\":\"inner\"}}", "id")).isNull();
        assertThat(Json.topLevelText("{\"id\":{\"a\":1}}", "id")).isNull();
        assertThat(Json.topLevelText("{}", "id")).isNull();
    }

    @Test
    void somethingOtherThanAnObjectIsAnError() {
        assertThatThrownBy(() -> Json.topLevelText("[1,2]", "id")).isInstanceOf(UncheckedIOException.class);
        assertThatThrownBy(() -> Json.topLevelText("{\"id\":", "id")).isInstanceOf(UncheckedIOException.class);
    }
}
