package org.amity.intake.adapters.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.amity.platform.testing.Tokens;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * A corpus of bad requests: malformed JSON, wrong types, missing and unknown fields, broken rules,
 * huge strings, control characters, injection strings, wrong content types. Each gets a clear
 * error (problem+json naming the field where there is one) and changes nothing.
 */
@QuarkusTest
class BadInputCorpusTest {

    static final ObjectMapper JSON = new ObjectMapper();

    /** One bad request and what it must get. {@code field} null: no particular field to name. */
    record Case(String name, String contentType, String body, Map<String, String> headers, int status, String field) {
        Case withHeaders(Map<String, String> extra) {
            return new Case(name, contentType, body, extra, status, field);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static Map<String, Object> valid() {
        Map<String, Object> victim = new LinkedHashMap<>(Map.of("name", "Alex Example", "email", "alex@example.org",
                "phone", "01732 000000", "preferredContact", "email", "ageBand", "25-34"));
        Map<String, Object> consent = new LinkedHashMap<>(Map.of("recipientOrganisation", "kent-police",
                "purpose", "investigation", "level", "identifiable", "method", "verbal"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("occurredAt", Instant.now().minus(2, ChronoUnit.HOURS).toString());
        body.put("district", "sevenoaks");
        body.put("strands", new ArrayList<>(List.of(new LinkedHashMap<>(Map.of("code", "race")))));
        body.put("incidentTypes", new ArrayList<>(List.of("verbal-abuse")));
        body.put("crimeSuspected", true);
        body.put("perceivedBy", "victim");
        body.put("victim", victim);
        body.put("consents", new ArrayList<>(List.of(consent)));
        return body;
    }

    static Case json(String name, Consumer<Map<String, Object>> change, String field) {
        Map<String, Object> body = valid();
        change.accept(body);
        try {
            return new Case(name, "application/json", JSON.writeValueAsString(body), Map.of(), 400, field);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Case raw(String name, String body, String field) {
        return new Case(name, "application/json", body, Map.of(), 400, field);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> at(Map<String, Object> body, String key) {
        return (Map<String, Object>) body.get(key);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> first(Map<String, Object> body, String key) {
        return (Map<String, Object>) ((List<Object>) body.get(key)).get(0);
    }

    static String repeat(String s, int times) {
        return String.join("", Collections.nCopies(times, s));
    }

    static Stream<Case> corpus() {
        String future = Instant.now().plus(1, ChronoUnit.DAYS).toString();
        return Stream.of(
                // malformed JSON
                raw("truncated object", "{\"district\": ", null),
                raw("empty body", "", null),
                raw("JSON null", "null", null),
                raw("an array, not an object", "[]", null),
                raw("a bare string", "\"report\"", null),
                raw("trailing comma", "{\"district\": \"sevenoaks\",}", null),
                raw("single quotes", "{'district': 'sevenoaks'}", null),
                raw("comment in JSON", "{/* hi */ \"district\": \"sevenoaks\"}", null),
                // wrong types
                json("occurredAt not a date", b -> b.put("occurredAt", "yesterday"), "$.occurredAt"),
                json("occurredAt impossible date", b -> b.put("occurredAt", "2026-13-45T00:00:00Z"), "$.occurredAt"),
                json("crimeSuspected a word", b -> b.put("crimeSuspected", "perhaps"), "$.crimeSuspected"),
                json("strands a string", b -> b.put("strands", "race"), "$.strands"),
                json("strand a string", b -> b.put("strands", List.of("race")), "$.strands[0]"),
                json("victim a string", b -> b.put("victim", "Alex"), "$.victim"),
                json("consents an object", b -> b.put("consents", Map.of()), "$.consents"),
                json("district an array", b -> b.put("district", List.of("sevenoaks")), "$.district"),
                json("dateOfBirth not a date", b -> at(b, "victim").put("dateOfBirth", "14/03/1987"), "$.victim.dateOfBirth"),
                // missing required fields
                json("no occurredAt", b -> b.remove("occurredAt"), "$.occurredAt"),
                json("no district", b -> b.remove("district"), "$.district"),
                json("no strands", b -> b.remove("strands"), "$.strands"),
                json("no incidentTypes", b -> b.remove("incidentTypes"), "$.incidentTypes"),
                json("no crimeSuspected", b -> b.remove("crimeSuspected"), "$.crimeSuspected"),
                json("no perceivedBy", b -> b.remove("perceivedBy"), "$.perceivedBy"),
                json("empty strands", b -> b.put("strands", List.of()), "$.strands"),
                json("empty incidentTypes", b -> b.put("incidentTypes", List.of()), "$.incidentTypes"),
                json("consent without purpose", b -> first(b, "consents").remove("purpose"), "$.consents[0].purpose"),
                // unknown fields (no mass assignment)
                json("unknown top-level field", b -> b.put("sourceOrganisation", "kent-police"), "$.sourceOrganisation"),
                json("unknown victim field", b -> at(b, "victim").put("nationalInsuranceNumber", "QQ123456C"),
                        "$.victim.nationalInsuranceNumber"),
                json("unknown consent field", b -> first(b, "consents").put("grantedTo", "everyone"),
                        "$.consents[0].grantedTo"),
                // rules
                json("occurred in the future", b -> b.put("occurredAt", future), "$.occurredAt"),
                json("ends before it begins", b -> b.put("occurredTo", Instant.now().minus(3, ChronoUnit.HOURS).toString()),
                        "$.occurredTo"),
                json("reported in the future", b -> b.put("reportedAt", future), "$.reportedAt"),
                json("occurred after it was reported",
                        b -> b.put("reportedAt", Instant.now().minus(3, ChronoUnit.HOURS).toString()), "$.occurredAt"),
                json("district not configured", b -> b.put("district", "atlantis"), "$.district"),
                json("strand not configured", b -> first(b, "strands").put("code", "astrology"), "$.strands[0].code"),
                json("sub-category not configured", b -> b.put("strands",
                        List.of(Map.of("code", "religion", "subCategory", "invented"))), "$.strands[0].subCategory"),
                json("same strand twice", b -> b.put("strands", List.of(Map.of("code", "race"), Map.of("code", "race"))),
                        "$.strands"),
                json("incident type not configured", b -> b.put("incidentTypes", List.of("sneezing")), "$.incidentTypes[0]"),
                json("perceiver unknown", b -> b.put("perceivedBy", "cat"), "$.perceivedBy"),
                json("email invalid", b -> at(b, "victim").put("email", "not-an-email"), "$.victim.email"),
                json("phone invalid", b -> at(b, "victim").put("phone", "call me maybe"), "$.victim.phone"),
                json("age band invalid", b -> at(b, "victim").put("ageBand", "old"), "$.victim.ageBand"),
                json("born in the future", b -> {
                    at(b, "victim").remove("ageBand");
                    at(b, "victim").put("dateOfBirth", "2999-01-01");
                }, "$.victim.dateOfBirth"),
                json("date of birth and age band", b -> at(b, "victim").put("dateOfBirth", "1990-01-01"), "$.victim.ageBand"),
                json("postcode invalid", b -> b.put("postcode", "NOT A POSTCODE"), "$.postcode"),
                json("consent purpose unknown", b -> first(b, "consents").put("purpose", "marketing"), "$.consents[0].purpose"),
                json("consent level unknown", b -> first(b, "consents").put("level", "partial"), "$.consents[0].level"),
                json("consent to organisation and type", b -> first(b, "consents").put("recipientType", "police"),
                        "$.consents[0]"),
                json("consent to nobody", b -> first(b, "consents").remove("recipientOrganisation"), "$.consents[0]"),
                json("consent on an anonymous report", b -> b.remove("victim"), "$.consents[0]"),
                json("reporter without role", b -> b.put("reporter", Map.of("name", "Sam")), "$.reporter.role"),
                json("reporter perceived it but is not named", b -> b.put("perceivedBy", "reporter"), "$.reporter"),
                // huge values and limits
                json("narrative too long", b -> b.put("narrative", repeat("a", 10_001)), "$.narrative"),
                json("name too long", b -> at(b, "victim").put("name", repeat("n", 201)), "$.victim.name"),
                json("district huge", b -> b.put("district", repeat("x", 100_000)), "$.district"),
                json("too many strands", b -> {
                    List<Object> many = new ArrayList<>();
                    for (int i = 0; i < 11; i++) {
                        many.add(Map.of("code", "race"));
                    }
                    b.put("strands", many);
                }, "$.strands"),
                json("too many consents", b -> {
                    List<Object> many = new ArrayList<>();
                    for (int i = 0; i < 21; i++) {
                        many.add(first(b, "consents"));
                    }
                    b.put("consents", many);
                }, "$.consents"),
                new Case("body over the size limit", "application/json",
                        "{\"narrative\": \"" + repeat("z", 5 * 1024 * 1024) + "\"}", Map.of(), 413, null),
                // control characters
                json("NUL in a name", b -> at(b, "victim").put("name", "Alex\u0000Example"), "$.victim.name"),
                json("bell in the narrative", b -> b.put("narrative", "ding\u0007dong"), "$.narrative"),
                json("newline in the district", b -> b.put("district", "sevenoaks\n"), "$.district"),
                json("escape sequence in the reference", b -> b.put("sourceReference", "REF\u001b[31m"), "$.sourceReference"),
                // injection strings
                json("SQL in the reference", b -> b.put("sourceReference", "'; drop table incident; --"), "$.sourceReference"),
                json("script in the district", b -> b.put("district", "<script>alert(1)</script>"), "$.district"),
                json("SQL in a strand", b -> first(b, "strands").put("code", "race' OR '1'='1"), "$.strands[0].code"),
                json("JNDI lookup in perceivedBy", b -> b.put("perceivedBy", "${jndi:ldap://example.org/a}"), "$.perceivedBy"),
                json("path traversal in an incident type", b -> b.put("incidentTypes", List.of("../../etc/passwd")),
                        "$.incidentTypes[0]"),
                // content types and headers
                new Case("text/plain", "text/plain", "district=sevenoaks", Map.of(), 415, null),
                new Case("XML", "application/xml", "<incident/>", Map.of(), 415, null),
                new Case("form", "application/x-www-form-urlencoded", "district=sevenoaks", Map.of(), 415, null),
                json("Idempotency-Key too long", b -> { }, "idempotencyKey")
                        .withHeaders(Map.of("Idempotency-Key", repeat("k", 101))));
    }

    @Inject
    EntityManager entityManager;

    long incidents() {
        return ((Number) entityManager.createNativeQuery("select count(*) from incident").getSingleResult()).longValue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void getsAClearErrorAndChangesNothing(Case bad) throws Exception {
        long before = incidents();
        if (bad.status() == 413) {
            assertThat(oversized(bad)).as(bad.name()).isEqualTo(413);
            assertThat(incidents()).isEqualTo(before);
            return;
        }
        Response response = given().auth().oauth2(Tokens.clientToken("west-kent-housing"))
                .contentType(bad.contentType()).headers(bad.headers()).body(bad.body())
                .when().post("/api/v1/incidents");

        assertThat(response.statusCode()).as(bad.name()).isEqualTo(bad.status());
        assertThat(response.contentType()).as(bad.name()).startsWith("application/problem+json");
        assertThat(response.jsonPath().getInt("status")).isEqualTo(bad.status());
        assertThat(response.jsonPath().getString("type")).startsWith("https://amity.example/problems/");
        if (bad.field() != null) {
            List<String> fields = response.jsonPath().getList("errors.field");
            assertThat(fields).as(bad.name() + ": " + response.asString()).contains(bad.field());
        }
        assertThat(response.asString()).doesNotContain("Exception").doesNotContain("at org.");
        assertThat(incidents()).as("nothing stored for " + bad.name()).isEqualTo(before);
    }

    @TestHTTPResource("/api/v1/incidents")
    URI incidentsUrl;

    /**
     * An oversized body is refused from its Content-Length before it is read; the client asks first
     * ("Expect: 100-continue"), as well-behaved clients of large uploads do, so it is not cut off mid-send.
     */
    int oversized(Case bad) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(incidentsUrl).expectContinue(true).version(HttpClient.Version.HTTP_1_1)
                .header("Authorization", "Bearer " + Tokens.clientToken("west-kent-housing"))
                .header("Content-Type", bad.contentType())
                .POST(HttpRequest.BodyPublishers.ofString(bad.body())).build();
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        }
    }

    @org.junit.jupiter.api.Test
    void theCorpusIsLargeEnough() {
        assertThat(corpus().count()).isGreaterThanOrEqualTo(50);
    }
}
