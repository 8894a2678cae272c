package org.amity.common.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

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

    @Test
    void aBusyServiceSaysWhenToComeBack() {
        UriInfo uri = (UriInfo) Proxy.newProxyInstance(UriInfo.class.getClassLoader(), new Class<?>[] {UriInfo.class},
                (proxy, method, args) -> method.getName().equals("getPath") ? "/api/v1/incidents" : null);

        Response busy = new ProblemMappers().problem(ProblemException.busy("too much waiting", 2), uri);
        Response conflict = new ProblemMappers().problem(ProblemException.conflict("used before"), uri);

        assertThat(busy.getStatus()).isEqualTo(503);
        assertThat(busy.getHeaderString("Retry-After")).isEqualTo("2");
        assertThat(((Problem) busy.getEntity()).type().toString()).endsWith("busy");
        assertThat(conflict.getStatus()).isEqualTo(409);
        assertThat(conflict.getHeaderString("Retry-After")).isNull();
    }
}
