package org.amity.sharing.adapters.rest;

import static org.amity.sharing.support.CaseEvents.client;
import static org.amity.sharing.support.CaseEvents.get;
import static org.amity.sharing.support.CaseEvents.post;
import static org.amity.sharing.support.CaseEvents.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import javax.sql.DataSource;

import org.amity.contracts.ConsentChoice;
import org.amity.contracts.Strand;
import org.amity.contracts.Topics;
import org.amity.contracts.personal.EncryptedPersonalData;
import org.amity.contracts.personal.PersonalDataCipher;
import org.amity.contracts.personal.VictimDetails;
import org.amity.contracts.EventCodec;
import org.amity.platform.testing.TopicReader;
import org.amity.sharing.support.CaseEvents;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The sharing service end to end, with real tokens of several organisations against real PostgreSQL, Kafka and
 * Keycloak: re-decisions on consent withdrawal (revoked and in the feed within 5 seconds), the inbox steps and the
 * outcome that flows back, the feed and deletion confirmations, the audit trail for data protection officers and
 * its verification against tampering, and the canary that never reaches an anonymised referral or feed item.
 */
@QuarkusTest
class SharingFlowTest {

    static final String CANARY = "Canary Flow Kingfisher";
    static final String CANARY_EMAIL = "kingfisher@example.org";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    PersonalDataCipher cipher;

    @Inject
    DataSource dataSource;

    @Inject
    org.amity.sharing.application.AuditService auditService;

    record Shared(UUID caseId, ConsentChoice consent) {
    }

    /** A housing case (race) with the victim's consent to the police; waits until the police have it identifiably. */
    Shared identifiableCaseForThePolice() throws Exception {
        UUID caseId = UUID.randomUUID();
        UUID victim = UUID.randomUUID();
        EncryptedPersonalData sealed = cipher.seal(victim, VictimDetails.ROLE,
                EventCodec.bytes(new VictimDetails(CANARY, CANARY_EMAIL, null, "email")));
        ConsentChoice consent = CaseEvents.identifiableConsent("kent-police", "investigation");
        CaseEvents.send(bootstrapServers, caseId.toString(), CaseEvents.caseOpened(caseId, "west-kent-housing",
                new Strand("race", null), List.of(consent), List.of(sealed), victim));
        await().atMost(Duration.ofSeconds(30)).until(() -> referralUnder(consent.consentId()) != null);
        return new Shared(caseId, consent);
    }

    Map<String, Object> referralUnder(UUID consentId) {
        List<Map<String, Object>> items = get(client("kent-police"), "/api/v1/referrals?size=100&status=shared")
                .then().statusCode(200).extract().jsonPath().getList("items");
        return items.stream().filter(i -> consentId.toString().equals(((Map<?, ?>) i.get("basis")).get("consentId")))
                .findFirst().orElse(null);
    }

    static JsonPath feed(String organisation, long after) {
        return get(client(organisation), "/api/v1/feed?limit=500&after=" + after).then().statusCode(200)
                .extract().jsonPath();
    }

    @Test
    void aConsentWithdrawalRevokesAndShowsInTheFeedWithinFiveSeconds() throws Exception {
        Shared shared = identifiableCaseForThePolice();
        String referralId = (String) referralUnder(shared.consent().consentId()).get("id");
        get(client("kent-police"), "/api/v1/referrals/" + referralId).then().statusCode(200)
                .body("victim.name", equalTo(CANARY)).body("level", equalTo("identifiable"));
        long cursor = feed("kent-police", 0).getLong("nextCursor");

        CaseEvents.send(bootstrapServers, shared.caseId().toString(),
                CaseEvents.consentWithdrawn(shared.caseId(), shared.consent()));

        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100)).until(() ->
                feed("kent-police", cursor).getList("items.findAll { it.kind == 'revoked' }.referralId")
                        .contains(referralId));
        JsonPath after = feed("kent-police", cursor);
        String body = after.prettify();
        assertThat(body).doesNotContain(CANARY).doesNotContain(CANARY_EMAIL);
        int revokedCursor = after.getInt("items.find { it.kind == 'revoked' && it.referralId == '" + referralId
                + "' }.cursor");
        // the police keep an anonymised referral under the same agreement: a new referral, not the old one
        assertThat(after.getList("items.findAll { it.kind == 'new' }.referral.level")).contains("anonymised");

        String revoked = get(client("kent-police"), "/api/v1/referrals/" + referralId).then().statusCode(200)
                .body("status", equalTo("revoked")).extract().asString();
        assertThat(revoked).doesNotContain(CANARY).doesNotContain(CANARY_EMAIL).doesNotContain("dartford");

        post(client("kent-police"), "/api/v1/feed/" + revokedCursor + "/processed", Map.of("deleted", false))
                .then().statusCode(400).body("errors.field", hasItem("$.deleted"));
        post(client("kent-police"), "/api/v1/feed/" + revokedCursor + "/processed", Map.of("deleted", true))
                .then().statusCode(200).body("deletionConfirmedAt", org.hamcrest.Matchers.notNullValue());
        post(client("tell-mama"), "/api/v1/feed/" + revokedCursor + "/processed", Map.of("deleted", true))
                .then().statusCode(404);

        List<String> trail = get(user("dpo@west-kent-housing"), "/api/v1/audit/cases/" + shared.caseId())
                .then().statusCode(200).extract().jsonPath().getList("action");
        assertThat(trail).contains("DECISION", "DISCLOSURE", "VIEW", "REVOCATION", "DELETION_CONFIRMED");
        get(user("officer@kent-police"), "/api/v1/audit/cases/" + shared.caseId()).then().statusCode(403);
        get(client("tell-mama"), "/api/v1/audit/cases/" + shared.caseId()).then().statusCode(403);
        assertThat(get(user("dpo@kent-police"), "/api/v1/audit/cases/" + shared.caseId()).then().statusCode(200)
                .extract().jsonPath().getList("recipient")).containsOnly("kent-police");
    }

    @Test
    void thePoliceAcknowledgeAcceptAndRecordAnOutcomeThatFlowsBack() throws Exception {
        Shared shared = identifiableCaseForThePolice();
        String id = (String) referralUnder(shared.consent().consentId()).get("id");
        String police = client("kent-police");

        post(police, "/api/v1/referrals/" + id + "/outcome", Map.of("homeOfficeOutcome", 1)).then().statusCode(409);
        post(police, "/api/v1/referrals/" + id + "/acknowledgement", null).then().statusCode(200)
                .body("status", equalTo("acknowledged"));
        post(police, "/api/v1/referrals/" + id + "/acknowledgement", null).then().statusCode(409)
                .contentType("application/problem+json");
        post(police, "/api/v1/referrals/" + id + "/acceptance", null).then().statusCode(200)
                .body("status", equalTo("accepted"));
        post(police, "/api/v1/referrals/" + id + "/outcome", Map.of("homeOfficeOutcome", 23)).then().statusCode(400)
                .body("errors.field", hasItem("$.homeOfficeOutcome"));
        post(police, "/api/v1/referrals/" + id + "/outcome", Map.of("homeOfficeOutcome", 1, "extra", true))
                .then().statusCode(400);
        post(police, "/api/v1/referrals/" + id + "/outcome", Map.of("homeOfficeOutcome", 1)).then().statusCode(200)
                .body("homeOfficeOutcome", equalTo(1));

        var outcome = TopicReader.await(bootstrapServers, Topics.SHARING_REFERRAL_V1,
                r -> r.key().equals(id) && r.value().contains("ReferralOutcomeRecorded"), Duration.ofSeconds(30));
        assertThat(outcome.value()).contains("\"outcomesMayFlowBack\":true").contains(shared.caseId().toString())
                .doesNotContain(CANARY);
        post(police, "/api/v1/referrals/" + id + "/closure", null).then().statusCode(200)
                .body("status", equalTo("closed"));
        post(police, "/api/v1/referrals/" + id + "/decline", Map.of("reason", "too late")).then().statusCode(409);
    }

    @Test
    void aReferralIsDueWithinOneWorkingDayAndListedAsOverdueAfterwards() throws Exception {
        Shared shared = identifiableCaseForThePolice();
        Map<String, Object> referral = referralUnder(shared.consent().consentId());
        Instant due = Instant.parse((String) referral.get("acknowledgeDueBy"));
        assertThat(due).isAfter(Instant.parse((String) referral.get("sharedAt")).plus(Duration.ofHours(12)));
        // not yet overdue: the overdue list holds only referrals whose due time has passed
        List<String> overdue = get(client("kent-police"), "/api/v1/referrals/overdue?size=100").then().statusCode(200)
                .extract().jsonPath().getList("items.acknowledgeDueBy");
        assertThat(overdue).allSatisfy(d -> assertThat(Instant.parse(d)).isBefore(Instant.now()));
        assertThat(get(client("kent-police"), "/api/v1/referrals/overdue?size=100").then().extract().jsonPath()
                .getList("items.id")).doesNotContain(referral.get("id"));
    }

    @Test
    void aTriageThatChangesTheStrandsSendsTheNewDataAsANewVersion() throws Exception {
        Shared shared = identifiableCaseForThePolice();
        String id = (String) referralUnder(shared.consent().consentId()).get("id");
        long cursor = feed("kent-police", 0).getLong("nextCursor");

        CaseEvents.send(bootstrapServers, shared.caseId().toString(), CaseEvents.caseTriaged(shared.caseId(),
                List.of(new Strand("race", null), new Strand("religion", "anti-muslim"))));

        await().atMost(Duration.ofSeconds(30)).until(() -> feed("kent-police", cursor)
                .getList("items.findAll { it.kind == 'updated' }.referralId").contains(id));
        get(client("kent-police"), "/api/v1/referrals/" + id).then().statusCode(200)
                .body("version", equalTo(2)).body("status", equalTo("shared"))
                .body("incident.strands.subCategory", hasItem("anti-muslim")).body("incident.crimeSuspected", equalTo(true));
    }

    @Test
    void aReferralNotAcknowledgedWithinItsWorkingDayIsListedAsOverdue() throws Exception {
        Shared shared = identifiableCaseForThePolice();
        String id = (String) referralUnder(shared.consent().consentId()).get("id");
        try (var connection = dataSource.getConnection();
                var update = connection.prepareStatement("update referral set ack_due_by = now() - interval '1 hour',"
                        + " document = jsonb_set(document, '{acknowledgeDueBy}', to_jsonb(to_char((now() - interval"
                        + " '1 hour') at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"'))) where id = ?")) {
            update.setObject(1, UUID.fromString(id));
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
        assertThat(get(client("kent-police"), "/api/v1/referrals/overdue?size=100").then().statusCode(200).extract()
                .jsonPath().getList("items.id")).contains(id);
        assertThat(get(client("kent-police"), "/api/v1/referrals?overdue=true&size=100").then().extract().jsonPath()
                .getList("items.id")).contains(id);
        post(client("kent-police"), "/api/v1/referrals/" + id + "/acknowledgement", null).then().statusCode(200);
        assertThat(get(client("kent-police"), "/api/v1/referrals/overdue?size=100").then().extract().jsonPath()
                .getList("items.id")).doesNotContain(id);
    }

    @Test
    void aJustifiedSafeguardingOverrideSharesIdentifiablyOnlyWhereTheAgreementPermitsIt() throws Exception {
        UUID caseId = UUID.randomUUID();
        UUID victim = UUID.randomUUID();
        EncryptedPersonalData sealed = cipher.seal(victim, VictimDetails.ROLE,
                EventCodec.bytes(new VictimDetails(CANARY, CANARY_EMAIL, null, "email")));
        CaseEvents.send(bootstrapServers, caseId.toString(), CaseEvents.caseOpened(caseId, "west-kent-housing",
                new Strand("sexual-orientation", null), List.of(), List.of(sealed), victim));
        String path = "/api/v1/cases/" + caseId + "/safeguarding-overrides";
        Map<String, Object> toPolice = Map.of("recipient", "kent-police", "justification",
                "threats to kill made in person; risk to life", "lawfulBasis", "dpa-2018-sch-1-para-18");
        await().atMost(Duration.ofSeconds(30)).until(() -> post(user("officer@west-kent-housing"), path, toPolice)
                .statusCode() != 404);

        get(client("kent-police"), "/api/v1/referrals?level=identifiable&size=100").then().statusCode(200)
                .body("items.findAll { it.basis.safeguardingOverrideId != null }.victim.name", hasItem(CANARY));
        post(user("officer@west-kent-housing"), path, Map.of("recipient", "galop", "justification",
                "risk of serious harm from a neighbour", "lawfulBasis", "dpa-2018-sch-1-para-18"))
                .then().statusCode(201).body("level", equalTo("none"));
        post(user("officer@kent-police"), path, toPolice).then().statusCode(404);
        post(user("officer@west-kent-housing"), path, Map.of("recipient", "kent-police", "justification", "x",
                "lawfulBasis", "Not A Code")).then().statusCode(400)
                .body("errors.field", hasItems("$.justification", "$.lawfulBasis"));
        assertThat(get(user("dpo@west-kent-housing"), "/api/v1/audit/cases/" + caseId).then().statusCode(200)
                .extract().jsonPath().getList("action")).contains("SAFEGUARDING_OVERRIDE", "DISCLOSURE");
    }

    @Test
    void theAuditChainHeadIsPublishedToKafka() throws Exception {
        identifiableCaseForThePolice();
        auditService.publishHead();
        String head = post(user("dpo@kent-police"), "/api/v1/audit/verification", null).then().statusCode(200)
                .extract().path("headHash");
        auditService.publishHead();
        TopicReader.await(bootstrapServers, Topics.SHARING_AUDIT_V1,
                r -> r.value().contains("AuditChainHeadPublished") && r.value().contains(head), Duration.ofSeconds(30));
    }

    @Test
    void theAuditChainVerifiesAndCatchesEditedDeletedAndReorderedEntries() throws Exception {
        identifiableCaseForThePolice();
        String dpo = user("dpo@kent-police");
        post(dpo, "/api/v1/audit/verification", null).then().statusCode(200).body("intact", equalTo(true));
        post(client("kent-police"), "/api/v1/audit/verification", null).then().statusCode(403);

        assertThat(tampered(dpo, "update audit_entry set why = 'nothing to see' where sequence = 2"))
                .containsEntry("firstBrokenSequence", 2).extractingByKey("problem").asString().contains("edited");
        assertThat(tampered(dpo, "delete from audit_entry where sequence = 3"))
                .containsEntry("firstBrokenSequence", 4).extractingByKey("problem").asString().contains("deleted");
        assertThat(tampered(dpo, "update audit_entry set sequence = -4 where sequence = 4;"
                + " update audit_entry set sequence = 4 where sequence = 5;"
                + " update audit_entry set sequence = 5 where sequence = -4")).containsEntry("firstBrokenSequence", 4);
        post(dpo, "/api/v1/audit/verification", null).then().statusCode(200).body("intact", equalTo(true));
    }

    /** Tampers with the log behind the service's back (as its owner could), verifies, and puts the entries back. */
    Map<String, Object> tampered(String dpo, String sql) throws Exception {
        try (var connection = dataSource.getConnection(); var statement = connection.createStatement()) {
            statement.execute("alter table audit_entry disable trigger audit_entry_append_only");
            statement.execute("create temporary table audit_original as select * from audit_entry where sequence <= 5");
            try {
                statement.execute(sql);
                Map<String, Object> result = post(dpo, "/api/v1/audit/verification", null).then().statusCode(200)
                        .extract().jsonPath().getMap("");
                assertThat(result).containsEntry("intact", false);
                return result;
            } finally {
                statement.execute("delete from audit_entry where sequence <= 5");
                statement.execute("insert into audit_entry select * from audit_original");
                statement.execute("drop table audit_original");
                statement.execute("alter table audit_entry enable trigger audit_entry_append_only");
            }
        }
    }
}
