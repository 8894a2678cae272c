package org.amity.sharing.adapters.rest;

import static io.restassured.RestAssured.given;
import static org.amity.sharing.support.CaseEvents.client;
import static org.amity.sharing.support.CaseEvents.get;
import static org.amity.sharing.support.CaseEvents.post;
import static org.amity.sharing.support.CaseEvents.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.amity.contracts.ConsentChoice;
import org.amity.contracts.EventCodec;
import org.amity.contracts.Strand;
import org.amity.contracts.personal.EncryptedPersonalData;
import org.amity.contracts.personal.PersonalDataCipher;
import org.amity.contracts.personal.VictimDetails;
import org.amity.sharing.support.CaseEvents;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * No organisation sees another's referrals, feed, agreements or audit through any endpoint or parameter: every
 * endpoint with the ids of a police referral in the path, the query and the body, called with the tokens of every
 * other recipient organisation. And the victim's canary values never reach an anonymised referral or the logs.
 */
@QuarkusTest
class IsolationMatrixTest {

    static final String CANARY = "Canary Matrix Heron";
    static final List<String> OTHERS = List.of("tell-mama", "cst", "galop", "stop-hate-uk", "victim-support-kent");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    PersonalDataCipher cipher;

    @Test
    void noOtherOrganisationReachesAPoliceReferralThroughAnyEndpoint() throws Exception {
        ConsentChoice consent = CaseEvents.identifiableConsent("kent-police", "investigation");
        UUID caseId = housingCaseWithCanary(new Strand("race", null), List.of(consent));
        await().atMost(Duration.ofSeconds(30)).until(() -> policeFeed().contains(consent.consentId().toString()));
        Map<String, Object> item = policeItem(consent.consentId().toString());
        String id = (String) item.get("referralId");
        long cursor = ((Number) item.get("cursor")).longValue();
        String agreement = "00000000-0000-4000-8000-000000000001";

        for (String other : OTHERS) {
            String token = client(other);
            List<Response> byPath = List.of(
                    get(token, "/api/v1/referrals/" + id),
                    post(token, "/api/v1/referrals/" + id + "/acknowledgement", null),
                    post(token, "/api/v1/referrals/" + id + "/acceptance", null),
                    post(token, "/api/v1/referrals/" + id + "/decline", Map.of("reason", "not ours")),
                    post(token, "/api/v1/referrals/" + id + "/closure", null),
                    post(token, "/api/v1/referrals/" + id + "/outcome", Map.of("homeOfficeOutcome", 1)),
                    post(token, "/api/v1/feed/" + cursor + "/processed", Map.of("deleted", false)),
                    get(token, "/api/v1/agreements/" + agreement),
                    get(token, "/api/v1/agreements/" + agreement + "/versions/1"));
            for (Response r : byPath) {
                assertThat(r.statusCode()).as(other).isEqualTo(404);
                assertThat(r.asString()).doesNotContain(CANARY).doesNotContain(caseId.toString());
            }
            for (String query : List.of("", "?status=shared", "?level=identifiable", "?overdue=true", "?size=100")) {
                assertThat(get(token, "/api/v1/referrals" + query).then().statusCode(200).extract().asString())
                        .doesNotContain(id).doesNotContain(CANARY);
            }
            assertThat(get(token, "/api/v1/referrals/overdue").asString()).doesNotContain(id);
            assertThat(get(token, "/api/v1/feed?after=0&limit=500").then().statusCode(200).extract().asString())
                    .doesNotContain(id).doesNotContain(CANARY);
            assertThat(get(token, "/api/v1/agreements").asString()).doesNotContain(agreement);
            get(token, "/api/v1/audit/cases/" + caseId).then().statusCode(403);
        }
        // a body naming another organisation as the signer changes nothing: the signer is the token's
        given().auth().oauth2(user("admin@tell-mama")).contentType("application/json")
                .body(Map.of("organisation", "kent-police")).post("/api/v1/agreements/" + agreement + "/signatures")
                .then().statusCode(404);
        // the police still have it, with the victim's details
        get(client("kent-police"), "/api/v1/referrals/" + id).then().statusCode(200);
    }

    @Test
    void noAdministratorReachesAnAgreementItIsNotPartyTo() {
        String policeAndTellMama = "/api/v1/agreements/00000000-0000-4000-8000-000000000002";
        String housing = user("admin@west-kent-housing");
        Map<String, Object> reason = Map.of("reason", "not ours to change");
        List<Response> attempts = List.of(
                get(housing, policeAndTellMama),
                get(housing, policeAndTellMama + "/versions/1"),
                given().auth().oauth2(housing).contentType("application/json")
                        .body(AgreementLifecycleTest.policeToTellMama("race", null)).put(policeAndTellMama),
                post(housing, policeAndTellMama + "/signatures", null),
                post(housing, policeAndTellMama + "/suspension", reason),
                post(housing, policeAndTellMama + "/resumption", reason),
                post(housing, policeAndTellMama + "/termination", reason));
        for (Response r : attempts) {
            assertThat(r.statusCode()).isEqualTo(404);
        }
        assertThat(get(housing, "/api/v1/agreements").then().statusCode(200).extract().jsonPath().getList("id"))
                .contains("00000000-0000-4000-8000-000000000001").doesNotContain("00000000-0000-4000-8000-000000000002");
        get(client("tell-mama"), policeAndTellMama).then().statusCode(200).body("status",
                org.hamcrest.Matchers.equalTo("active"));
    }

    @Test
    void theCanaryNeverReachesAnAnonymisedReferralFeedItemOrLogLine() throws Exception {
        UUID caseId = housingCaseWithCanary(new Strand("disability", "learning"), List.of());
        await().atMost(Duration.ofSeconds(30)).until(() -> get(client("kent-police"),
                "/api/v1/referrals?level=anonymised&size=100").asString().contains("learning"));

        String anonymised = get(client("kent-police"), "/api/v1/referrals?level=anonymised&size=100").asString();
        assertThat(anonymised).doesNotContain(CANARY).doesNotContain("heron@example.org").doesNotContain("07700")
                .doesNotContain(caseId.toString());
        assertThat(policeFeed()).doesNotContain(CANARY).doesNotContain("heron@example.org");
        Path log = Path.of("target/sharing-test.log");
        assertThat(Files.exists(log)).isTrue();
        assertThat(Files.readString(log)).doesNotContain(CANARY).doesNotContain("heron@example.org")
                .doesNotContain("Canary Sharing Pelican").doesNotContain("Canary Flow Kingfisher");
    }

    /** Sends a housing case whose victim's details hold the canary values; returns its id. */
    UUID housingCaseWithCanary(Strand strand, List<ConsentChoice> consents) throws Exception {
        UUID caseId = UUID.randomUUID();
        UUID victim = UUID.randomUUID();
        EncryptedPersonalData sealed = cipher.seal(victim, VictimDetails.ROLE,
                EventCodec.bytes(new VictimDetails(CANARY, "heron@example.org", "07700 900123", "phone")));
        CaseEvents.send(bootstrapServers, caseId.toString(), CaseEvents.caseOpened(caseId, "west-kent-housing",
                strand, consents, List.of(sealed), victim));
        return caseId;
    }

    static String policeFeed() {
        return get(client("kent-police"), "/api/v1/feed?after=0&limit=500").then().statusCode(200).extract().asString();
    }

    static Map<String, Object> policeItem(String consentId) {
        List<Map<String, Object>> items = get(client("kent-police"), "/api/v1/feed?after=0&limit=500").then()
                .extract().jsonPath().getList("items");
        return items.stream().filter(i -> i.get("referral") instanceof Map<?, ?> r
                && r.get("basis") instanceof Map<?, ?> b && consentId.equals(b.get("consentId"))).findFirst()
                .orElseThrow();
    }
}
