package org.amity.intake.adapters.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.amity.platform.testing.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class BatchTest {

    @Inject
    EntityManager entityManager;

    long incidents() {
        return ((Number) entityManager.createNativeQuery("select count(*) from incident").getSingleResult()).longValue();
    }

    @Test
    void eachItemIsAcceptedADuplicateOrRejectedOnItsOwn() {
        Map<String, Object> earlier = IncidentResourceTest.incident("WKH-B-" + UUID.randomUUID());
        String earlierId = given().auth().oauth2(Tokens.clientToken("west-kent-housing")).contentType(ContentType.JSON)
                .body(earlier).when().post("/api/v1/incidents").then().statusCode(201).extract().path("id");
        long before = incidents();

        Map<String, Object> invalid = new HashMap<>(IncidentResourceTest.incident("WKH-B-" + UUID.randomUUID()));
        invalid.put("district", "atlantis");
        Map<String, Object> wrongType = new HashMap<>(IncidentResourceTest.incident("WKH-B-" + UUID.randomUUID()));
        wrongType.put("crimeSuspected", List.of("yes"));
        Map<String, Object> unknownField = new HashMap<>(IncidentResourceTest.incident("WKH-B-" + UUID.randomUUID()));
        unknownField.put("sourceOrganisation", "kent-police");
        List<Object> items = List.of(IncidentResourceTest.incident("WKH-B-" + UUID.randomUUID()), earlier, invalid,
                wrongType, unknownField, IncidentResourceTest.incident("WKH-B-" + UUID.randomUUID()));

        given().auth().oauth2(Tokens.clientToken("west-kent-housing")).contentType(ContentType.JSON)
                .body(Map.of("incidents", items))
                .when().post("/api/v1/incidents/batch")
                .then().statusCode(200)
                .body("accepted", equalTo(2)).body("duplicates", equalTo(1)).body("rejected", equalTo(3))
                .body("results[0].status", equalTo("accepted")).body("results[0].id", notNullValue())
                .body("results[1].status", equalTo("duplicate")).body("results[1].id", equalTo(earlierId))
                .body("results[2].status", equalTo("rejected")).body("results[2].id", nullValue())
                .body("results[2].errors.field", hasItem("$.incidents[2].district"))
                .body("results[3].errors[0].field", equalTo("$.incidents[3]"))
                .body("results[4].errors[0].field", equalTo("$.incidents[4].sourceOrganisation"))
                .body("results[5].status", equalTo("accepted"));

        assertThat(incidents()).isEqualTo(before + 2);
    }

    @Test
    void aBatchHoldsOneToFiveHundredReports() {
        long before = incidents();
        List<Object> tooMany = new ArrayList<>();
        for (int i = 0; i < 501; i++) {
            tooMany.add(IncidentResourceTest.incident("WKH-B-" + UUID.randomUUID()));
        }
        given().auth().oauth2(Tokens.clientToken("west-kent-housing")).contentType(ContentType.JSON)
                .body(Map.of("incidents", tooMany))
                .when().post("/api/v1/incidents/batch")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("$.incidents"));
        given().auth().oauth2(Tokens.clientToken("west-kent-housing")).contentType(ContentType.JSON)
                .body(Map.of("incidents", List.of()))
                .when().post("/api/v1/incidents/batch")
                .then().statusCode(400);
        assertThat(incidents()).isEqualTo(before);
    }

    @Test
    void theSameReferenceTwiceInOneBatchIsADuplicateOrAConflict() {
        Map<String, Object> report = IncidentResourceTest.incident("WKH-B-" + UUID.randomUUID());
        Map<String, Object> other = new HashMap<>(report);
        other.put("district", "medway");
        String first = given().auth().oauth2(Tokens.clientToken("west-kent-housing")).contentType(ContentType.JSON)
                .body(Map.of("incidents", List.of(report, report, other)))
                .when().post("/api/v1/incidents/batch")
                .then().statusCode(200)
                .body("results[0].status", equalTo("accepted"))
                .body("results[1].status", equalTo("duplicate"))
                .body("results[2].status", equalTo("rejected"))
                .body("results[2].errors[0].message", org.hamcrest.Matchers.containsString("different report"))
                .extract().path("results[0].id");
        given().auth().oauth2(Tokens.clientToken("west-kent-housing")).contentType(ContentType.JSON)
                .body(Map.of("incidents", List.of(report)))
                .when().post("/api/v1/incidents/batch")
                .then().statusCode(200).body("results[0].id", equalTo(first));
    }

    @Test
    void onlyReportersMayPostBatches() {
        given().contentType(ContentType.JSON).body(Map.of("incidents", List.of()))
                .when().post("/api/v1/incidents/batch").then().statusCode(401);
        given().auth().oauth2(Tokens.clientToken("kent-community-safety")).contentType(ContentType.JSON)
                .body(Map.of("incidents", List.of(IncidentResourceTest.incident("X-" + UUID.randomUUID()))))
                .when().post("/api/v1/incidents/batch").then().statusCode(403);
    }
}
