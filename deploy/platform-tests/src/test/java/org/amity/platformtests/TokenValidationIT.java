package org.amity.platformtests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.amity.platform.testing.Tokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Every service validates issuer, signature, expiry and audience of real Keycloak tokens, and
 * answers a token of the wrong organisation or role without data.
 */
class TokenValidationIT {

    /** A protected read endpoint of each service, and an organisation whose API client may call it. */
    record Endpoint(String service, String path, String allowed, String refused) {
        @Override
        public String toString() {
            return service + " " + path;
        }
    }

    static final ObjectMapper JSON = new ObjectMapper();
    static PlatformUnderTest platform;
    static KeycloakAdmin keycloak;
    static String shortLivedClient;
    static String audiencelessClient;

    static Stream<Endpoint> endpoints() {
        return Stream.of(
                new Endpoint("intake", "/api/v1/incidents", "west-kent-housing", "kent-community-safety"),
                new Endpoint("case", "/api/v1/cases", "west-kent-housing", "galop"),
                new Endpoint("sharing", "/api/v1/referrals", "kent-police", "kent-community-safety"),
                new Endpoint("analytics", "/api/v1/statistics/tables/strand", "kent-community-safety", "galop"));
    }

    @BeforeAll
    static void probes() {
        platform = PlatformUnderTest.get();
        keycloak = new KeycloakAdmin(platform.infrastructure().keycloakUrl());
        String run = UUID.randomUUID().toString().substring(0, 8);

        // a client like west-kent-housing-api, but whose tokens live three seconds
        JsonNode template = keycloak.get("/clients?clientId=west-kent-housing-api").get(0);
        Map<String, Object> shortLived = JSON.convertValue(template, Map.class);
        shortLived.remove("id");
        shortLivedClient = "probe-short-lived-" + run;
        shortLived.put("clientId", shortLivedClient);
        shortLived.put("secret", shortLivedClient + "-secret");
        Map<String, Object> attributes = new HashMap<>((Map<String, Object>) shortLived.getOrDefault("attributes", Map.of()));
        attributes.put("access.token.lifespan", "3");
        shortLived.put("attributes", attributes);
        if (shortLived.get("protocolMappers") instanceof List<?> mappers) {
            shortLived.put("protocolMappers", mappers.stream().map(m -> {
                Map<String, Object> copy = new HashMap<>((Map<String, Object>) m);
                copy.remove("id");
                return copy;
            }).toList());
        }
        keycloak.createClient(shortLived);

        // a client of the realm whose tokens name none of the services as audience
        audiencelessClient = "probe-no-audience-" + run;
        keycloak.createClient(Map.of("clientId", audiencelessClient, "secret", audiencelessClient + "-secret",
                "publicClient", false, "serviceAccountsEnabled", true, "standardFlowEnabled", false,
                "directAccessGrantsEnabled", false, "defaultClientScopes", List.of("basic", "roles", "profile")));
    }

    static String clientCredentials(String clientId) {
        return keycloak.token("amity", Map.of("grant_type", "client_credentials", "client_id", clientId,
                "client_secret", clientId + "-secret")).get("access_token").asText();
    }

    static JsonNode claims(String jwt) throws Exception {
        return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
    }

    @ParameterizedTest
    @MethodSource("endpoints")
    void aValidTokenOfTheRightOrganisationAndRoleIsAccepted(Endpoint endpoint) {
        given().auth().oauth2(Tokens.clientToken(endpoint.allowed()))
                .when().get(platform.url(endpoint.service()) + endpoint.path())
                .then().statusCode(200);
    }

    @ParameterizedTest
    @MethodSource("endpoints")
    void noTokenIsUnauthorised(Endpoint endpoint) {
        given().when().get(platform.url(endpoint.service()) + endpoint.path())
                .then().statusCode(401);
    }

    @ParameterizedTest
    @MethodSource("endpoints")
    void aTokenSignedByAnotherKeyIsUnauthorised(Endpoint endpoint) throws Exception {
        SignedJWT real = SignedJWT.parse(Tokens.clientToken(endpoint.allowed()));
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256)
                .keyID(real.getHeader().getKeyID()).build(), JWTClaimsSet.parse(real.getJWTClaimsSet().toJSONObject()));
        forged.sign(new RSASSASigner((RSAPrivateKey) generator.generateKeyPair().getPrivate()));

        given().auth().oauth2(forged.serialize())
                .when().get(platform.url(endpoint.service()) + endpoint.path())
                .then().statusCode(401);
    }

    @ParameterizedTest
    @MethodSource("endpoints")
    void anUnsignedTokenIsUnauthorised(Endpoint endpoint) {
        String[] real = Tokens.clientToken(endpoint.allowed()).split("\\.");
        String none = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"none\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        given().auth().oauth2(none + "." + real[1] + ".")
                .when().get(platform.url(endpoint.service()) + endpoint.path())
                .then().statusCode(401);
    }

    @ParameterizedTest
    @MethodSource("endpoints")
    void aTokenOfAnotherIssuerIsUnauthorised(Endpoint endpoint) throws Exception {
        String master = keycloak.adminToken();
        assertThat(claims(master).get("iss").asText()).endsWith("/realms/master");
        given().auth().oauth2(master)
                .when().get(platform.url(endpoint.service()) + endpoint.path())
                .then().statusCode(401);
    }

    @ParameterizedTest
    @MethodSource("endpoints")
    void aTokenForAnotherAudienceIsUnauthorised(Endpoint endpoint) throws Exception {
        String token = clientCredentials(audiencelessClient);
        assertThat(claims(token).path("aud").toString()).doesNotContain("amity-");
        given().auth().oauth2(token)
                .when().get(platform.url(endpoint.service()) + endpoint.path())
                .then().statusCode(401);
    }

    @ParameterizedTest
    @MethodSource("endpoints")
    void anExpiredTokenIsUnauthorised(Endpoint endpoint) throws Exception {
        String token = clientCredentials(shortLivedClient);
        assertThat(claims(token).path("aud").toString()).contains("amity-");
        // accepted while fresh (authenticated; the probe belongs to no organisation, so it is refused with 403)...
        int fresh = given().auth().oauth2(token).when().get(platform.url(endpoint.service()) + endpoint.path())
                .then().extract().statusCode();
        assertThat(fresh).isNotEqualTo(401);
        // ...and unauthorised once it has expired
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() -> given().auth()
                .oauth2(token).when().get(platform.url(endpoint.service()) + endpoint.path()).then().extract()
                .statusCode() == 401);
    }

    @ParameterizedTest
    @MethodSource("endpoints")
    void anotherOrganisationsRoleIsForbiddenWithoutData(Endpoint endpoint) {
        String body = given().auth().oauth2(Tokens.clientToken(endpoint.refused()))
                .when().get(platform.url(endpoint.service()) + endpoint.path())
                .then().statusCode(403).contentType("application/problem+json")
                .body("status", equalTo(403))
                .extract().asString();
        assertThat(body).doesNotContain("items").doesNotContain("rows");
    }
}
