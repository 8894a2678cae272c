package org.amity.sharing.adapters.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.amity.contracts.ConsentChoice;
import org.amity.contracts.EventCodec;
import org.amity.contracts.Strand;
import org.amity.contracts.Topics;
import org.amity.contracts.personal.EncryptedPersonalData;
import org.amity.contracts.personal.PersonalDataCipher;
import org.amity.contracts.personal.VictimDetails;
import org.amity.platform.testing.Tokens;
import org.amity.platform.testing.TopicReader;
import org.amity.sharing.support.CaseEvents;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
class CaseOpenedConsumerTest {

    static final String CANARY = "Canary Sharing Pelican";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    PersonalDataCipher cipher;

    String caseOpened(UUID caseId, String owner, Strand strand, List<ConsentChoice> consents,
            List<EncryptedPersonalData> personal, UUID victim) {
        return CaseEvents.caseOpened(caseId, owner, strand, consents, personal, victim);
    }

    void send(String key, String payload) throws Exception {
        CaseEvents.send(bootstrapServers, key, payload);
    }

    Response referralsOf(String organisation) {
        return given().auth().oauth2(Tokens.clientToken(organisation)).queryParam("size", 100)
                .when().get("/api/v1/referrals");
    }

    @Test
    void sharesIdentifiablyWithThePoliceWhenTheVictimConsentedAndWithNobodyElse() throws Exception {
        UUID caseId = UUID.randomUUID();
        UUID victim = UUID.randomUUID();
        EncryptedPersonalData sealed = cipher.seal(victim, VictimDetails.ROLE,
                EventCodec.bytes(new VictimDetails(CANARY, "pelican@example.org", null, "email")));
        ConsentChoice consent = new ConsentChoice(UUID.randomUUID(), 1, "kent-police", null, "investigation",
                "identifiable", "written", "west-kent-housing", Instant.parse("2026-11-20T09:00:00Z"));
        String payload = caseOpened(caseId, "west-kent-housing", new Strand("race", null), List.of(consent),
                List.of(sealed), victim);
        send(caseId.toString(), payload);
        send(caseId.toString(), payload);

        var shared = TopicReader.await(bootstrapServers, Topics.SHARING_REFERRAL_V1,
                r -> r.value().contains("\"recipientOrganisation\":\"kent-police\"")
                        && r.value().contains(consent.consentId().toString()), Duration.ofSeconds(30));
        assertThat(shared.value()).doesNotContain(CANARY).doesNotContain(caseId.toString());
        String referralId = shared.key();

        given().auth().oauth2(Tokens.clientToken("kent-police")).when().get("/api/v1/referrals/" + referralId)
                .then().statusCode(200)
                .body("level", equalTo("identifiable"))
                .body("victim.name", equalTo(CANARY))
                .body("basis.consentId", equalTo(consent.consentId().toString()))
                .body("basis.agreementId", equalTo("00000000-0000-4000-8000-000000000001"))
                .body("incident.district", equalTo("dartford"));
        given().auth().oauth2(Tokens.clientToken("tell-mama")).when().get("/api/v1/referrals/" + referralId)
                .then().statusCode(404).body(not(containsString(CANARY)));
        referralsOf("tell-mama").then().statusCode(200).body(not(containsString(referralId)));
        long policeCopies = referralsOf("kent-police").then().extract().jsonPath()
                .getList("items.basis.consentId").stream().filter(consent.consentId().toString()::equals).count();
        assertThat(policeCopies).isEqualTo(1);
    }

    @Test
    void sharesAnonymisedWithoutConsentAndTheAnonymisedReferralHoldsNoVictim() throws Exception {
        UUID caseId = UUID.randomUUID();
        UUID victim = UUID.randomUUID();
        EncryptedPersonalData sealed = cipher.seal(victim, VictimDetails.ROLE,
                EventCodec.bytes(new VictimDetails(CANARY, "pelican@example.org", null, "email")));
        send(caseId.toString(), caseOpened(caseId, "west-kent-housing", new Strand("disability", "learning"), List.of(),
                List.of(sealed), victim));

        await().atMost(Duration.ofSeconds(30)).until(() -> referralsOf("kent-police").then().extract().jsonPath()
                .getList("items.incident.strands.code").toString().contains("disability"));
        String body = referralsOf("kent-police").then().extract().asString();
        assertThat(body).doesNotContain(CANARY).doesNotContain("pelican@example.org").doesNotContain(caseId.toString());
    }

    @Test
    void onlyReferralHandlersReadReferrals() {
        given().when().get("/api/v1/referrals").then().statusCode(401);
        given().auth().oauth2(Tokens.clientToken("kent-community-safety")).when().get("/api/v1/referrals")
                .then().statusCode(403);
    }
}
