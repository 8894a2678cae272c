package org.amity.intake.adapters.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import org.amity.platform.testing.Tokens;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * A token verified once is not verified again on the next request (VerifiedTokens): what is reused is the identity
 * of exactly that token, so a changed token, another organisation's token or a token without the role is judged as
 * if it were the first.
 */
@QuarkusTest
class VerifiedTokenReuseTest {

    @Test
    void aReusedTokenKeepsItsOwnOrganisationAndAnAlteredOneIsRefused() {
        String housing = Tokens.clientToken("west-kent-housing");
        String id = null;
        for (int i = 0; i < 3; i++) {
            String created = given().auth().oauth2(housing).contentType(ContentType.JSON)
                    .body(IncidentResourceTest.incident("WKH-T-" + UUID.randomUUID()))
                    .when().post("/api/v1/incidents").then().statusCode(201).extract().path("id");
            id = created;
        }

        // the same claims under a forged signature, and the genuine token with its payload swapped for another
        // organisation's: both refused although the genuine token was accepted a moment ago
        String[] parts = housing.split("\\.");
        given().auth().oauth2(parts[0] + "." + parts[1] + ".AAAA").when().get("/api/v1/incidents/" + id)
                .then().statusCode(401);
        String otherPayload = Base64.getUrlEncoder().withoutPadding().encodeToString(new String(
                Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("west-kent-housing", "tell-mama").getBytes(StandardCharsets.UTF_8));
        given().auth().oauth2(parts[0] + "." + otherPayload + "." + parts[2]).when().get("/api/v1/incidents/" + id)
                .then().statusCode(401);

        // another organisation's (verified, then reused) token still sees only its own reports
        String tellMama = Tokens.clientToken("tell-mama");
        for (int i = 0; i < 2; i++) {
            given().auth().oauth2(tellMama).when().get("/api/v1/incidents/" + id).then().statusCode(404);
            given().auth().oauth2(tellMama).when().get("/api/v1/incidents?size=100").then().statusCode(200)
                    .body("items.id", not(hasItem(id)));
        }
        given().auth().oauth2(housing).when().get("/api/v1/incidents/" + id).then().statusCode(200)
                .body("id", equalTo(id));

        // a reused token without the reporter role is refused each time
        String analysts = Tokens.clientToken("kent-community-safety");
        for (int i = 0; i < 2; i++) {
            given().auth().oauth2(analysts).contentType(ContentType.JSON)
                    .body(IncidentResourceTest.incident("WKH-T-" + UUID.randomUUID()))
                    .when().post("/api/v1/incidents").then().statusCode(403);
        }
    }
}
