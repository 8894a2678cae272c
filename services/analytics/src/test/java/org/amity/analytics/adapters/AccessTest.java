package org.amity.analytics.adapters;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.amity.analytics.domain.CaseFacts;
import org.amity.analytics.domain.Period;
import org.amity.analytics.domain.Statistics;
import org.amity.platform.testing.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Who sees what, from the token's organisation only: the community safety partnership sees the county, Kent
 * Police the force area (the county and Medway), West Kent Housing its own reports; others see nothing.
 */
@QuarkusTest
class AccessTest {

    @Inject
    RecordedFacts recorded;

    @Inject
    AgroalDataSource dataSource;

    Period year;

    @BeforeEach
    void someReports() {
        year = TestFacts.freshYear(dataSource);
        List<CaseFacts> facts = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            facts.add(TestFacts.facts(year.firstDay().plusDays(i), "sevenoaks", "west-kent-housing", List.of("race")));
        }
        for (int i = 0; i < 7; i++) {
            facts.add(TestFacts.facts(year.firstDay().plusDays(i), "sevenoaks", "kent-police", List.of("race")));
        }
        for (int i = 0; i < 9; i++) {
            facts.add(TestFacts.facts(year.firstDay().plusDays(i), "medway", null, List.of("religion")));
        }
        recorded.record(facts);
    }

    int incidents(String organisation) {
        return given().auth().oauth2(Tokens.clientToken(organisation)).queryParam("period", year.label())
                .when().get("/api/v1/statistics/tables/strand")
                .then().statusCode(200).extract().path("table.totals.total.incidents");
    }

    @Test
    void eachOrganisationSeesItsOwnScope() {
        org.assertj.core.api.Assertions.assertThat(incidents("kent-community-safety")).isEqualTo(12);
        org.assertj.core.api.Assertions.assertThat(incidents("kent-police")).isEqualTo(21);
        org.assertj.core.api.Assertions.assertThat(incidents("west-kent-housing")).isEqualTo(5);
        given().auth().oauth2(Tokens.userToken("analyst@kent-community-safety")).queryParam("period", year.label())
                .when().get("/api/v1/statistics/tables/strand")
                .then().statusCode(200).body("area", equalTo("Kent county"));
    }

    @Test
    void aDistrictOutsideTheCallersAreaIsAProblemNamingTheField() {
        given().auth().oauth2(Tokens.clientToken("kent-police")).queryParam("period", year.label())
                .queryParam("district", "medway").when().get("/api/v1/statistics/tables/strand")
                .then().statusCode(200).body("table.totals.total.incidents", equalTo(9));
        given().auth().oauth2(Tokens.clientToken("kent-community-safety")).queryParam("district", "medway")
                .when().get("/api/v1/statistics/tables/strand")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("district"));
    }

    @Test
    void organisationsWithoutStatisticsAndAnonymousCallersSeeNothing() {
        given().when().get("/api/v1/statistics/tables/strand").then().statusCode(401);
        // Galop handles referrals only: no role for statistics
        given().auth().oauth2(Tokens.clientToken("galop")).when().get("/api/v1/statistics/tables/strand")
                .then().statusCode(403);
        // Tell MAMA reports incidents but is not configured to see statistics
        given().auth().oauth2(Tokens.userToken("caseworker@tell-mama")).when().get("/api/v1/statistics/tables/strand")
                .then().statusCode(403);
    }

    @Test
    void badQueryParametersAreProblemsNamingTheParameter() {
        String token = Tokens.clientToken("kent-community-safety");
        given().auth().oauth2(token).when().get("/api/v1/statistics/tables/shoe-size")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("dimension"));
        given().auth().oauth2(token).queryParam("period", "FY2017-19").when().get("/api/v1/statistics/tables/strand")
                .then().statusCode(400).body("errors.field", hasItem("period"));
        given().auth().oauth2(token).queryParam("strand", "hats").when().get("/api/v1/statistics/tables/strand")
                .then().statusCode(400).body("errors.field", hasItem("strand"));
        given().auth().oauth2(token).queryParam("year", "2017").when().get("/api/v1/statistics/home-office")
                .then().statusCode(400).body("errors.field", hasItem("year"));
        given().auth().oauth2(token).queryParam("to", "May").when().get("/api/v1/statistics/rolling-year")
                .then().statusCode(400).body("errors.field", hasItem("to"));
    }
}
