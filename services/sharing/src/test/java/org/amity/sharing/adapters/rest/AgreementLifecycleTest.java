package org.amity.sharing.adapters.rest;

import static io.restassured.RestAssured.given;
import static org.amity.sharing.support.CaseEvents.client;
import static org.amity.sharing.support.CaseEvents.get;
import static org.amity.sharing.support.CaseEvents.post;
import static org.amity.sharing.support.CaseEvents.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import javax.sql.DataSource;

import org.amity.contracts.Strand;
import org.amity.sharing.application.AgreementService;
import org.amity.sharing.support.CaseEvents;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Agreements through the API with real tokens: drafted by an administrator of a party, rejected with every problem
 * named, signed by each party's own administrator, active, then suspended or expired, which revokes what it shared.
 * Each test uses its own strand, so the seeded agreements and the other tests are untouched.
 */
@QuarkusTest
class AgreementLifecycleTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    AgreementService agreements;

    @Inject
    DataSource dataSource;

    boolean known(UUID caseId) throws Exception {
        try (var connection = dataSource.getConnection();
                var query = connection.prepareStatement("select count(*) from shared_case where case_id = ?")) {
            query.setObject(1, caseId);
            try (var rows = query.executeQuery()) {
                return rows.next() && rows.getLong(1) == 1;
            }
        }
    }

    static Map<String, Object> policeToTellMama(String strand, Instant end) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", "Kent Police to Tell MAMA: " + strand);
        body.put("parties", List.of(
                Map.of("organisation", "kent-police", "controllerRole", "separate-controller",
                        "lawfulBasis", "dpa-2018-part-3-s35"),
                Map.of("organisation", "tell-mama", "controllerRole", "separate-controller",
                        "lawfulBasis", "uk-gdpr-6-1-e")));
        body.put("flows", List.of(Map.of("from", "kent-police", "to", "tell-mama")));
        body.put("purposes", List.of("support"));
        body.put("necessity", "victims supported by a specialist service");
        body.put("strands", List.of(Map.of("code", strand)));
        body.put("anonymisedItems", List.of("district", "strands", "occurred-on", "age-band"));
        body.put("identifiableItems", List.of("district", "strands", "victim-name", "victim-contact"));
        body.put("identifiableRequiresConsent", true);
        body.put("safeguardingOverridePermitted", false);
        body.put("outcomesMayFlowBack", false);
        body.put("retentionDays", 365);
        body.put("securityRequirements", "encrypted at rest and in transit");
        body.put("dpiaReference", "DPIA-TEST");
        body.put("reviewDate", "2027-06-01");
        body.put("effectiveFrom", "2026-01-01T00:00:00Z");
        body.put("effectiveTo", end == null ? null : end.toString());
        body.put("clauses", Map.of("anonymised", "7.1", "identifiable", "7.2"));
        return body;
    }

    /** Drafted by the police, signed by both parties: active. */
    String activeAgreement(String strand, Instant end) {
        String id = post(user("admin@kent-police"), "/api/v1/agreements", policeToTellMama(strand, end)).then()
                .statusCode(201).extract().path("id");
        post(user("admin@kent-police"), "/api/v1/agreements/" + id + "/signatures", null).then().statusCode(200);
        post(user("admin@tell-mama"), "/api/v1/agreements/" + id + "/signatures", null).then().statusCode(200)
                .body("status", equalTo("active"));
        return id;
    }

    /** A police case of the strand; waits until Tell MAMA has its anonymised referral. */
    String sharedWithTellMama(String strand) throws Exception {
        UUID caseId = UUID.randomUUID();
        CaseEvents.send(bootstrapServers, caseId.toString(), CaseEvents.caseOpened(caseId, "kent-police",
                new Strand(strand, null), List.of(), List.of(), null));
        await().atMost(Duration.ofSeconds(30)).until(() -> !tellMamaReferrals(strand).isEmpty());
        return tellMamaReferrals(strand).get(0);
    }

    static List<String> tellMamaReferrals(String strand) {
        return get(client("tell-mama"), "/api/v1/referrals?size=100&status=shared").then().statusCode(200).extract()
                .jsonPath().getList("items.findAll { it.incident.strands.code.contains('" + strand + "') }.id");
    }

    @Test
    void rejectsAnInvalidAgreementNamingEveryProblem() {
        Map<String, Object> body = policeToTellMama("disability", Instant.parse("2025-01-01T00:00:00Z"));
        body.put("parties", List.of(Map.of("organisation", "kent-police", "controllerRole", "separate-controller",
                "lawfulBasis", "dpa-2018-part-3"), Map.of("organisation", "tell-mama", "controllerRole",
                "separate-controller", "lawfulBasis", "")));
        body.put("identifiableRequiresConsent", false);
        post(user("admin@kent-police"), "/api/v1/agreements", body).then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("$.parties[1].lawfulBasis"));
        body.put("parties", policeToTellMama("disability", null).get("parties"));
        post(user("admin@kent-police"), "/api/v1/agreements", body).then().statusCode(400)
                .body("errors.field", hasItems("$.effectiveTo", "$.identifiableRequiresConsent"));
        Map<String, Object> unknown = policeToTellMama("disability", null);
        unknown.put("signedBy", "me");
        post(user("admin@kent-police"), "/api/v1/agreements", unknown).then().statusCode(400);
        Map<String, Object> notAParty = policeToTellMama("disability", null);
        post(user("admin@west-kent-housing"), "/api/v1/agreements", notAParty).then().statusCode(400)
                .body("errors.field", hasItems("$.parties"));
        post(client("kent-police"), "/api/v1/agreements", policeToTellMama("disability", null)).then().statusCode(403);
    }

    @Test
    void eachPartySignsForItselfAndEveryChangeIsANewVersion() {
        String id = post(user("admin@kent-police"), "/api/v1/agreements", policeToTellMama("disability", null)).then()
                .statusCode(201).body("status", equalTo("draft")).body("version", equalTo(1)).extract().path("id");
        // the other party sees the draft; an organisation that is not a party does not
        get(user("admin@tell-mama"), "/api/v1/agreements/" + id).then().statusCode(200);
        get(user("admin@west-kent-housing"), "/api/v1/agreements/" + id).then().statusCode(404);
        post(user("admin@west-kent-housing"), "/api/v1/agreements/" + id + "/signatures", null).then().statusCode(404);

        Map<String, Object> edited = policeToTellMama("disability", null);
        edited.put("necessity", "victims supported by a specialist service, and repeat victims identified");
        given().auth().oauth2(user("admin@kent-police")).contentType(ContentType.JSON).body(edited)
                .put("/api/v1/agreements/" + id).then().statusCode(200).body("version", equalTo(2));
        post(user("admin@kent-police"), "/api/v1/agreements/" + id + "/signatures", null).then().statusCode(200)
                .body("status", equalTo("draft")).body("version", equalTo(3));
        post(user("admin@kent-police"), "/api/v1/agreements/" + id + "/signatures", null).then().statusCode(409);
        post(user("admin@tell-mama"), "/api/v1/agreements/" + id + "/signatures", null).then().statusCode(200)
                .body("status", equalTo("active")).body("version", equalTo(4))
                .body("signatories.find { it.organisation == 'tell-mama' }.signature.signatory",
                        org.hamcrest.Matchers.notNullValue());
        given().auth().oauth2(user("admin@kent-police")).contentType(ContentType.JSON).body(edited)
                .put("/api/v1/agreements/" + id).then().statusCode(409);
        get(user("admin@kent-police"), "/api/v1/agreements/" + id + "/versions/1").then().statusCode(200)
                .body("status", equalTo("draft"));
        assertThat(get(client("tell-mama"), "/api/v1/agreements").then().statusCode(200).extract().jsonPath()
                .getList("id")).contains(id).doesNotContain("00000000-0000-4000-8000-000000000001");
    }

    @Test
    void aSuspendedAgreementRevokesWhatItSharedAndSharesNothingNew() throws Exception {
        String id = activeAgreement("sex-gender", null);
        String referral = sharedWithTellMama("sex-gender");

        post(user("admin@tell-mama"), "/api/v1/agreements/" + id + "/suspension", Map.of("reason", "breach review"))
                .then().statusCode(200).body("status", equalTo("suspended"));
        get(client("tell-mama"), "/api/v1/referrals/" + referral).then().statusCode(200)
                .body("status", equalTo("revoked")).body("incident", org.hamcrest.Matchers.nullValue());

        UUID later = UUID.randomUUID();
        CaseEvents.send(bootstrapServers, later.toString(), CaseEvents.caseOpened(later, "kent-police",
                new Strand("sex-gender", null), List.of(), List.of(), null));
        // the case is received (stored for later decisions) yet Tell MAMA gets nothing new
        await().atMost(Duration.ofSeconds(30)).until(() -> known(later));
        assertThat(tellMamaReferrals("sex-gender")).isEmpty();

        post(user("admin@kent-police"), "/api/v1/agreements/" + id + "/resumption", Map.of("reason", "review done"))
                .then().statusCode(200).body("status", equalTo("active"));
        assertThat(tellMamaReferrals("sex-gender")).hasSize(2).doesNotContain(referral);
        post(user("admin@kent-police"), "/api/v1/agreements/" + id + "/termination", Map.of("reason", "ended"))
                .then().statusCode(200);
        assertThat(tellMamaReferrals("sex-gender")).isEmpty();
    }

    @Test
    void anAgreementExpiresAtItsEndDateOnceAndRevokesWhatItShared() throws Exception {
        Instant end = Instant.now().plusSeconds(15);
        activeAgreement("alternative-subculture", end);
        String referral = sharedWithTellMama("alternative-subculture");

        await().atMost(Duration.ofSeconds(30)).until(() -> agreements.expireDue() == 1);
        assertThat(agreements.expireDue()).isZero();
        get(client("tell-mama"), "/api/v1/referrals/" + referral).then().statusCode(200)
                .body("status", equalTo("revoked"));
        assertThat(tellMamaReferrals("alternative-subculture")).isEmpty();
    }
}
