package org.amity.casework.adapters.rest;

import static io.restassured.RestAssured.given;
import static org.amity.casework.CaseFixtures.HOUSING;
import static org.amity.casework.CaseFixtures.POLICE;
import static org.amity.casework.CaseFixtures.TELL_MAMA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.amity.casework.CaseFixtures;
import org.amity.casework.application.CaseService;
import org.amity.contracts.EventCodec;
import org.amity.contracts.EventEnvelope;
import org.amity.contracts.Topics;
import org.amity.contracts.casework.CaseStatisticsRecorded;
import org.amity.contracts.casework.ConsentWithdrawn;
import org.amity.contracts.personal.PersonalDataCipher;
import org.amity.contracts.personal.VictimDetails;
import org.amity.platform.testing.Tokens;
import org.amity.platform.testing.TopicReader;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Every endpoint with real tokens: the owning organisation's case workers, another organisation, no role. */
@QuarkusTest
class CaseResourceTest {

    static final String CANARY = "Canary Quokka Zebedee";

    @Inject
    CaseService service;

    @Inject
    PersonalDataCipher cipher;

    @Inject
    EntityManager entityManager;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    static String housing() {
        return Tokens.clientToken("west-kent-housing");
    }

    static String police() {
        return Tokens.clientToken("kent-police");
    }

    /** Opens a case as the consumer would, and returns its id. */
    UUID open(CaseFixtures.Source source, Instant receivedAt, VictimDetails victim) {
        EventEnvelope event = CaseFixtures.incident(source, receivedAt, receivedAt.minus(2, ChronoUnit.HOURS),
                "sevenoaks", victim, cipher);
        service.onIncidentReported(event);
        UUID incident = CaseFixtures.incidentId(event);
        return QuarkusTransaction.requiringNew().call(() -> (UUID) entityManager
                .createNativeQuery("select id from case_file where incident_id = :id").setParameter("id", incident)
                .getSingleResult());
    }

    UUID openHousingCase() {
        return open(HOUSING, Instant.now().minus(1, ChronoUnit.HOURS), new VictimDetails(CANARY, null, null, "phone"));
    }

    static ValidatableResponse post(String token, UUID id, String path, Object body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/cases/" + id + path).then();
    }

    static ValidatableResponse get(String token, String path) {
        return given().auth().oauth2(token).when().get("/api/v1/cases" + path).then();
    }

    /** Every endpoint, with a valid body for each. */
    static List<Map.Entry<String, Object>> changes() {
        return List.of(Map.entry("/assignment", Map.of("assignee", "officer@west-kent-housing")),
                Map.entry("/contact", Map.of("method", "phone")),
                Map.entry("/triage", Map.of("classification", "hate-crime")),
                Map.entry("/risk", Map.of("level", "high")),
                Map.entry("/notes", Map.of("text", "called back")),
                Map.entry("/actions", Map.of("action", "home-visit")),
                Map.entry("/outcome", Map.of("housingOutcome", "mediation")),
                Map.entry("/consents", Map.of("recipientType", "support-charity", "purpose", "support",
                        "level", "anonymised", "method", "verbal")),
                Map.entry("/consents/" + UUID.randomUUID() + "/withdrawal", Map.of("method", "verbal")),
                Map.entry("/closure", Map.of("reason", "resolved")),
                Map.entry("/reopening", Map.of("reason", "new-information")));
    }

    @Test
    void anotherOrganisationSeesAndChangesNothingAndOtherRolesAreRefused() {
        UUID id = openHousingCase();
        for (String path : List.of("/" + id, "/" + id + "/notes", "/" + id + "/consents")) {
            get(police(), path).statusCode(404).contentType("application/problem+json")
                    .body("title", equalTo("Not found")).body("district", nullValue());
            get(Tokens.clientToken("tell-mama"), path).statusCode(403).contentType("application/problem+json");
            given().when().get("/api/v1/cases" + path).then().statusCode(401);
        }
        get(police(), "").statusCode(200).body("items.id", not(hasItem(id.toString())));
        for (Map.Entry<String, Object> change : changes()) {
            post(police(), id, change.getKey(), change.getValue()).statusCode(404)
                    .contentType("application/problem+json");
            post(Tokens.clientToken("tell-mama"), id, change.getKey(), change.getValue()).statusCode(403);
        }
        get(housing(), "/" + id).statusCode(200).body("status", equalTo("open")).body("risk", nullValue())
                .body("assignedTo", nullValue()).body("history", hasSize(0));
    }

    @Test
    void theOwnerWorksTheCaseAndEveryChangeIsInTheHistory() {
        UUID id = openHousingCase();
        post(housing(), id, "/assignment", Map.of("assignee", "officer@west-kent-housing")).statusCode(200)
                .body("assignedTo", equalTo("officer@west-kent-housing"));
        post(housing(), id, "/contact", Map.of("method", "phone")).statusCode(200)
                .body("contactTargetMet", equalTo(true));
        post(housing(), id, "/triage", Map.of("classification", "non-crime-hate-incident",
                "strands", List.of(Map.of("code", "race")), "reason", "victim-account-clarified")).statusCode(200)
                .body("classification", equalTo("non-crime-hate-incident")).body("strands[0].code", equalTo("race"));
        post(housing(), id, "/risk", Map.of("level", "medium")).statusCode(200).body("risk", equalTo("medium"));
        post(housing(), id, "/actions", Map.of("action", "home-visit")).statusCode(200);
        post(housing(), id, "/outcome", Map.of("housingOutcome", "acceptable-behaviour-agreement")).statusCode(200)
                .body("outcome.scheme", equalTo("housing"));
        post(housing(), id, "/closure", Map.of("reason", "resolved")).statusCode(200).body("status", equalTo("closed"));
        post(housing(), id, "/reopening", Map.of("reason", "repeat-incident")).statusCode(200)
                .body("status", equalTo("open"));

        get(housing(), "/" + id).statusCode(200)
                .body("history.kind", equalTo(List.of("Assigned", "VictimContacted", "Triaged", "RiskAssessed",
                        "ActionRecorded", "OutcomeRecorded", "Closed", "Reopened")))
                .body("history[2].detail.reclassified", equalTo(true))
                .body("history[2].detail.reason", equalTo("victim-account-clarified"))
                .body("history[2].by", not(nullValue()));

        CaseStatisticsRecorded facts = EventCodec.data(EventCodec.decode(TopicReader.await(bootstrapServers,
                Topics.CASEWORK_CASE_STATISTICS_V1, r -> r.value().contains("acceptable-behaviour-agreement")
                        && r.value().contains(statisticsKey(id).toString()), Duration.ofSeconds(30)).value()),
                CaseStatisticsRecorded.class);
        assertThat(facts.contactTargetMet()).isTrue();
        assertThat(facts.classification()).isEqualTo("non-crime-hate-incident");
    }

    UUID statisticsKey(UUID caseId) {
        return QuarkusTransaction.requiringNew().call(() -> (UUID) entityManager
                .createNativeQuery("select statistics_key from case_file where id = :id").setParameter("id", caseId)
                .getSingleResult());
    }

    @Test
    void invalidTransitionsAndOutcomesAreRefusedByFieldAndChangeNothing() {
        UUID housingCase = openHousingCase();
        post(housing(), housingCase, "/outcome", Map.of("homeOfficeOutcome", 8)).statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("$.homeOfficeOutcome"));
        post(housing(), housingCase, "/outcome", Map.of("housingOutcome", "eviction-by-force")).statusCode(400)
                .body("errors[0].field", equalTo("$.housingOutcome"));
        UUID policeCase = open(POLICE, Instant.now().minus(1, ChronoUnit.HOURS), null);
        post(police(), policeCase, "/outcome", Map.of("homeOfficeOutcome", 23)).statusCode(400)
                .body("errors[0].field", equalTo("$.homeOfficeOutcome"));
        post(police(), policeCase, "/outcome", Map.of("homeOfficeOutcome", 1)).statusCode(200)
                .body("outcome.homeOfficeOutcome", equalTo(1));

        post(housing(), housingCase, "/closure", Map.of("reason", "resolved")).statusCode(200);
        post(housing(), housingCase, "/closure", Map.of("reason", "resolved")).statusCode(409)
                .contentType("application/problem+json").body("type", equalTo("https://amity.example/problems/invalid-transition"))
                .body("errors[0].field", equalTo("status"));
        post(housing(), housingCase, "/risk", Map.of("level", "high")).statusCode(409);
        post(housing(), housingCase, "/closure", Map.of("reason", "because-i-said-so")).statusCode(400)
                .body("errors[0].field", equalTo("$.reason"));
        get(housing(), "/" + housingCase).body("outcome", nullValue()).body("risk", nullValue())
                .body("history.kind", equalTo(List.of("Closed")));
    }

    @Test
    void badInputIsNamedByItsJsonPath() {
        UUID id = openHousingCase();
        post(housing(), id, "/risk", Map.of("level", "high", "victimName", "x")).statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("$.victimName"))
                .body("errors[0].message", equalTo("unknown field"));
        post(housing(), id, "/risk", Map.of("level", "extreme")).statusCode(400)
                .body("errors[0].field", equalTo("$.level"));
        post(housing(), id, "/notes", Map.of("text", "x".repeat(5001))).statusCode(400)
                .body("errors[0].field", equalTo("$.text"));
        post(housing(), id, "/triage", Map.of("classification", "hate-crime", "strands",
                List.of(Map.of("code", "Not A Code")))).statusCode(400).body("errors[0].field", equalTo("$.strands[0].code"));
        post(housing(), id, "/contact", Map.of("method", "phone", "contactedAt", "yesterday")).statusCode(400)
                .body("errors[0].field", equalTo("$.contactedAt"));
        given().auth().oauth2(housing()).contentType(ContentType.JSON).body("{\"level\": ")
                .when().post("/api/v1/cases/" + id + "/risk").then().statusCode(400)
                .body("type", equalTo("https://amity.example/problems/malformed-body"));
        given().auth().oauth2(housing()).contentType(ContentType.JSON)
                .when().post("/api/v1/cases/" + id + "/risk").then().statusCode(400);
        get(housing(), "?risk=extreme").statusCode(400).body("errors[0].field", equalTo("risk"));
        get(housing(), "?size=1000").statusCode(400).body("errors[0].field", equalTo("size"));
        get(housing(), "/" + id).body("history", hasSize(0));
    }

    @Test
    void notesAreSealedAndReadBackOnlyByTheOwner() {
        UUID id = openHousingCase();
        post(housing(), id, "/notes", Map.of("text", "Spoke to " + CANARY + " at home.")).statusCode(201);

        get(housing(), "/" + id + "/notes").statusCode(200).body("[0].text", equalTo("Spoke to " + CANARY + " at home."));
        String stored = QuarkusTransaction.requiringNew().call(() -> (String) entityManager
                .createNativeQuery("select sealed::text from case_note where case_id = :id").setParameter("id", id)
                .getSingleResult());
        assertThat(stored).doesNotContain("Canary").doesNotContain("Spoke");
        get(housing(), "/" + id).body("history[0].kind", equalTo("NoteAdded")).body("history[0].detail.text", nullValue());
    }

    @Test
    void consentVersionsAreKeptAndAWithdrawalIsPublished() {
        UUID id = openHousingCase();
        String consentId = post(housing(), id, "/consents", Map.of("recipientOrganisation", "galop", "purpose",
                "support", "level", "identifiable", "method", "written")).statusCode(201)
                .body("version", equalTo(1)).extract().path("id");
        post(housing(), id, "/consents/" + consentId + "/withdrawal", Map.of("method", "verbal")).statusCode(200)
                .body("version", equalTo(2)).body("withdrawnAt", not(nullValue()));
        post(housing(), id, "/consents/" + consentId + "/withdrawal", Map.of("method", "verbal")).statusCode(409)
                .body("errors[0].field", equalTo("consentId"));
        post(housing(), id, "/consents/" + UUID.randomUUID() + "/withdrawal", Map.of("method", "verbal"))
                .statusCode(404);
        post(housing(), id, "/consents", Map.of("purpose", "support", "level", "anonymised", "method", "written"))
                .statusCode(400).body("errors[0].field", equalTo("$.recipientOrganisation"));

        get(housing(), "/" + id + "/consents").statusCode(200)
                .body("findAll { it.id == '" + consentId + "' }.version", equalTo(List.of(1, 2)));
        ConsentWithdrawn withdrawn = EventCodec.data(EventCodec.decode(TopicReader.await(bootstrapServers,
                Topics.CASEWORK_CASE_V1, r -> r.value().contains("\"ConsentWithdrawn\"") && r.value().contains(consentId),
                Duration.ofSeconds(30)).value()), ConsentWithdrawn.class);
        assertThat(withdrawn.recipientOrganisation()).isEqualTo("galop");
        assertThat(withdrawn.version()).isEqualTo(2);
    }

    @Test
    void aMissedContactDeadlineIsListedAndRecordedOnce() {
        UUID late = open(HOUSING, Instant.now().minus(8, ChronoUnit.DAYS), null);
        UUID fresh = openHousingCase();

        await().atMost(Duration.ofSeconds(30)).until(() -> history(late, "ContactTargetMissed") == 1);
        service.recordMissedContactTargets();
        service.recordMissedContactTargets();
        assertThat(history(late, "ContactTargetMissed")).isEqualTo(1);
        TopicReader.await(bootstrapServers, Topics.CASEWORK_CASE_V1,
                r -> r.value().contains("\"ContactTargetMissed\"") && r.key().equals(late.toString()), Duration.ofSeconds(30));

        get(housing(), "?overdue=true&size=100").statusCode(200).body("items.id", hasItem(late.toString()))
                .body("items.id", not(hasItem(fresh.toString())));
        get(housing(), "?overdue=false&size=100").body("items.id", hasItem(fresh.toString()));
        get(housing(), "/" + late).body("contactTargetMet", equalTo(false));
        assertThat(history(fresh, "ContactTargetMissed")).isZero();
    }

    long history(UUID caseId, String kind) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                .createNativeQuery("select count(*) from case_history where case_id = :id and kind = :kind")
                .setParameter("id", caseId).setParameter("kind", kind).getSingleResult()).longValue());
    }

    @Test
    void theSameVictimIsMatchedAcrossOrganisationsByKeyedHashesOnly() {
        String email = "canary-" + UUID.randomUUID() + "@example.org";
        Instant now = Instant.now();
        UUID earlier = open(HOUSING, now.minus(60, ChronoUnit.DAYS), new VictimDetails(CANARY, email, null, "email"));
        UUID housingReport = open(HOUSING, now.minus(2, ChronoUnit.HOURS),
                new VictimDetails(CANARY, " " + email.toUpperCase(), null, "email"));
        UUID viaTellMama = open(TELL_MAMA, now.minus(1, ChronoUnit.HOURS),
                new VictimDetails("canary quokka", email, null, "email"));

        get(housing(), "/" + housingReport).statusCode(200).body("repeatVictim", equalTo(true))
                .body("likelyDuplicate", equalTo(false)).body("links.caseId", hasItem(earlier.toString()));
        get(housing(), "?repeat=true&size=100").body("items.id", hasItem(housingReport.toString()))
                .body("items.id", not(hasItem(earlier.toString())));
        get(housing(), "/" + housingReport).body("links.find { it.otherOrganisation }.caseId", nullValue());
        QuarkusTransaction.requiringNew().run(() -> {
            Object[] flags = (Object[]) entityManager.createNativeQuery(
                    "select likely_duplicate, repeat_victim from case_file where id = :id")
                    .setParameter("id", viaTellMama).getSingleResult();
            assertThat(flags[0]).isEqualTo(true);
            assertThat(flags[1]).isEqualTo(true);
            @SuppressWarnings("unchecked")
            List<String> keys = entityManager.createNativeQuery("select match_key from case_match_key where case_id = :id")
                    .setParameter("id", viaTellMama).getResultList();
            assertThat(keys).isNotEmpty().allSatisfy(k -> assertThat(k).matches("[0-9a-f]{64}").doesNotContain("canary"));
        });
    }

    /**
     * A consumer's batch is judged as if its events came one at a time: a case later in the batch is matched against
     * the earlier ones of the same batch, and an incident given twice opens one case.
     */
    @Test
    void aBatchMatchesItsOwnCasesAndOpensEachIncidentOnce() {
        String email = "batch-" + UUID.randomUUID() + "@example.org";
        Instant now = Instant.now();
        EventEnvelope first = CaseFixtures.incident(HOUSING, now.minus(90, ChronoUnit.DAYS),
                now.minus(91, ChronoUnit.DAYS), "sevenoaks", new VictimDetails(CANARY, email, null, "email"), cipher);
        EventEnvelope second = CaseFixtures.incident(HOUSING, now.minus(3, ChronoUnit.HOURS),
                now.minus(4, ChronoUnit.HOURS), "sevenoaks", new VictimDetails(CANARY, email, null, "email"), cipher);
        EventEnvelope viaTellMama = CaseFixtures.incident(TELL_MAMA, now.minus(2, ChronoUnit.HOURS),
                now.minus(4, ChronoUnit.HOURS), "sevenoaks", new VictimDetails(CANARY, email, null, "email"), cipher);
        EventEnvelope stranger = CaseFixtures.incident(HOUSING, now.minus(1, ChronoUnit.HOURS),
                now.minus(4, ChronoUnit.HOURS), "sevenoaks",
                new VictimDetails(CANARY, "other-" + email, null, "email"), cipher);

        int opened = QuarkusTransaction.requiringNew().call(() -> service.onIncidentsReported(
                List.of(first, second, viaTellMama, second, stranger))); // second twice: one case

        assertThat(opened).isEqualTo(4);
        QuarkusTransaction.requiringNew().run(() -> {
            assertThat(count("select count(*) from case_file where incident_id = :id",
                    CaseFixtures.incidentId(second))).isEqualTo(1);
            UUID again = caseOf(second);
            UUID tellMama = caseOf(viaTellMama);
            assertThat(flags(caseOf(first))).containsExactly(false, false);
            assertThat(flags(again)).containsExactly(false, true);
            assertThat(flags(tellMama)).containsExactly(true, true);
            assertThat(flags(caseOf(stranger))).containsExactly(false, false);
            assertThat(count("select count(*) from case_link where case_id = :id and other_case_id = '" + again
                    + "' and kind = 'likely-duplicate'", tellMama)).isEqualTo(1);
            assertThat(count("select count(*) from case_link where case_id = :id and kind = 'earlier-case-of-victim'",
                    tellMama)).isEqualTo(1);
        });
        assertThat(history(caseOf(viaTellMama), "DuplicateFlagged")).isEqualTo(1);
        assertThat(history(caseOf(viaTellMama), "RepeatLinked")).isEqualTo(1);
    }

    UUID caseOf(EventEnvelope incident) {
        return QuarkusTransaction.requiringNew().call(() -> (UUID) entityManager
                .createNativeQuery("select id from case_file where incident_id = :id")
                .setParameter("id", CaseFixtures.incidentId(incident)).getSingleResult());
    }

    /** likely duplicate, repeat victim */
    List<Object> flags(UUID caseId) {
        return List.of((Object[]) entityManager.createNativeQuery(
                "select likely_duplicate, repeat_victim from case_file where id = :id").setParameter("id", caseId)
                .getSingleResult());
    }

    long count(String sql, UUID id) {
        return ((Number) entityManager.createNativeQuery(sql).setParameter("id", id).getSingleResult()).longValue();
    }

    @Test
    void casesAreFilteredAndPaged() {
        UUID id = openHousingCase();
        post(housing(), id, "/risk", Map.of("level", "high")).statusCode(200);

        get(housing(), "?risk=high&status=open&strand=religion&district=sevenoaks&size=100").statusCode(200)
                .body("items.id", hasItem(id.toString()));
        get(housing(), "?strand=disability&size=100").body("items.id", not(hasItem(id.toString())));
        get(housing(), "?status=closed&size=100").body("items.id", not(hasItem(id.toString())));
        get(housing(), "?contactDueBefore=" + Instant.now().plus(10, ChronoUnit.DAYS) + "&size=100")
                .body("items.id", hasItem(id.toString()));
        get(housing(), "?size=1&page=0").body("items", hasSize(1)).body("size", equalTo(1));
    }
}
