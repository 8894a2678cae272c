package org.amity.sharing.adapters.rest;

import static io.restassured.RestAssured.given;
import static org.amity.sharing.support.CaseEvents.client;
import static org.amity.sharing.support.CaseEvents.post;
import static org.amity.sharing.support.CaseEvents.user;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.emptyOrNullString;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.amity.platform.Infrastructure;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Onboarding against the real test Keycloak: the new partner's API client works at once with the credentials
 * returned (a token naming its organisation, with the roles of its type); offboarding disables it.
 */
@QuarkusTest
class OnboardingTest {

    static Map<String, Object> partner(String alias) {
        Map<String, Object> body = new HashMap<>();
        body.put("alias", alias);
        body.put("name", "Kent LGBT+ Forum (" + alias + ")");
        body.put("type", "support-charity");
        body.put("domain", alias + ".example");
        body.put("strands", List.of("sexual-orientation", "transgender"));
        body.put("contact", "referrals@" + alias + ".example");
        return body;
    }

    static Response token(String clientId, String secret) {
        return given().formParam("grant_type", "client_credentials").formParam("client_id", clientId)
                .formParam("client_secret", secret)
                .post(Infrastructure.forTests().realmUrl() + "/protocol/openid-connect/token");
    }

    @Test
    void anAdministratorOnboardsAPartnerWhoseClientWorksAtOnceAndOffboardingDisablesIt() {
        // its own alias each run: Keycloak keeps what earlier runs onboarded when its database is reused
        String alias = "lgbt-forum-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        Response onboarded = post(user("admin@kent-police"), "/api/v1/organisations", partner(alias));
        onboarded.then().statusCode(201).header("Cache-Control", "no-store")
                .body("clientId", equalTo(alias + "-api")).body("clientSecret", not(emptyOrNullString()));
        String secret = onboarded.path("clientSecret");

        String accessToken = token(alias + "-api", secret).then().statusCode(200).extract().path("access_token");
        given().auth().oauth2(accessToken).get("/api/v1/referrals").then().statusCode(200)
                .body("total", equalTo(0));
        given().auth().oauth2(accessToken).get("/api/v1/feed").then().statusCode(200);

        post(user("admin@kent-police"), "/api/v1/organisations", partner(alias)).then().statusCode(409);
        post(user("admin@tell-mama"), "/api/v1/organisations/" + alias + "/offboarding", null).then().statusCode(404);
        post(client("kent-police"), "/api/v1/organisations/" + alias + "/offboarding", null).then().statusCode(403);

        post(user("admin@kent-police"), "/api/v1/organisations/" + alias + "/offboarding", null).then().statusCode(204);
        token(alias + "-api", secret).then().statusCode(org.hamcrest.Matchers.greaterThanOrEqualTo(400));
        post(user("admin@kent-police"), "/api/v1/organisations/" + alias + "/offboarding", null).then().statusCode(404);
    }

    @Test
    void rejectsBadInputNamingTheFieldsAndOnlyAdministratorsOnboard() {
        Map<String, Object> bad = partner("Bad Alias");
        bad.put("type", "friends");
        post(user("admin@kent-police"), "/api/v1/organisations", bad).then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("$.alias")).body("errors.field", hasItem("$.type"));
        Map<String, Object> unknown = partner("another-forum");
        unknown.put("roles", List.of("agreement-admin"));
        post(user("admin@kent-police"), "/api/v1/organisations", unknown).then().statusCode(400);
        post(client("galop"), "/api/v1/organisations", partner("another-forum")).then().statusCode(403);
        post(user("admin@kent-police"), "/api/v1/organisations", partner("kent-police")).then().statusCode(409);
    }
}
