package org.amity.intake.adapters.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.amity.platform.testing.Tokens;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PublicReportTest {

    @Inject
    EntityManager entityManager;

    @Inject
    ClientRateLimiter limiter;

    static Map<String, Object> anonymous() {
        return Map.of(
                "occurredAt", Instant.now().minus(1, ChronoUnit.DAYS).toString(),
                "district", "canterbury",
                "strands", List.of(Map.of("code", "religion", "subCategory", "antisemitic")),
                "incidentTypes", List.of("discriminatory-literature"),
                "crimeSuspected", false,
                "perceivedBy", "witness",
                "narrative", "Leaflets pushed through doors on my street.");
    }

    @Test
    void anAnonymousReportGoesToThePoliceAndGivesAReference() {
        String reference = given().contentType(ContentType.JSON).body(anonymous())
                .when().post("/api/v1/public/reports")
                .then().statusCode(201)
                .body("reference", matchesPattern("HC-[A-Z2-9]{4}-[A-Z2-9]{4}"))
                .body(not(containsString("\"id\"")))
                .extract().path("reference");

        Object[] row = (Object[]) entityManager.createNativeQuery(
                "select source_organisation, channel, sealed_personal::text from incident where public_reference = :ref")
                .setParameter("ref", reference).getSingleResult();
        assertThat(row[0]).isEqualTo("kent-police");
        assertThat(row[1]).isEqualTo("PUBLIC_FORM");
        assertThat((String) row[2]).doesNotContain("Leaflets");
        given().auth().oauth2(Tokens.clientToken("kent-police")).queryParam("size", 100)
                .when().get("/api/v1/incidents")
                .then().statusCode(200).body("items.channel", hasItem("public-form"));
    }

    @Test
    void thePublicFormIsValidatedLikeAnyOtherAndTakesNoOrganisationsReference() {
        Map<String, Object> bad = new HashMap<>(anonymous());
        bad.put("sourceReference", "MINE-1");
        bad.put("district", "narnia");
        given().contentType(ContentType.JSON).body(bad)
                .when().post("/api/v1/public/reports")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("$.sourceReference"));
    }

    @Test
    @Order(Integer.MAX_VALUE) // uses up this address's allowance: last
    void tooManyReportsFromOneAddressAreRefusedForAWhile() {
        int status = 0;
        int sent = 0;
        // the limit is per address and window; the tests above used part of it
        while (sent <= 3 * limiter.limit() + 3 && status != 429) {
            status = given().contentType(ContentType.JSON).body(anonymous())
                    .when().post("/api/v1/public/reports").then().extract().statusCode();
            sent++;
        }
        assertThat(status).isEqualTo(429);
        given().contentType(ContentType.JSON).body(anonymous())
                .when().post("/api/v1/public/reports")
                .then().statusCode(429).contentType("application/problem+json").header("Retry-After", matchesPattern("\\d+"));
    }
}
