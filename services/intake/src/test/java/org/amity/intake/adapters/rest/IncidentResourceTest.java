package org.amity.intake.adapters.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
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

import org.amity.contracts.EventCodec;
import org.amity.contracts.EventEnvelope;
import org.amity.contracts.Topics;
import org.amity.contracts.intake.IncidentReported;
import org.amity.contracts.personal.PersonalDataCipher;
import org.amity.contracts.personal.VictimDetails;
import org.amity.platform.testing.Tokens;
import org.amity.platform.testing.TopicReader;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class IncidentResourceTest {

    static final String CANARY_NAME = "Canary Zebedee Quokka";

    @Inject
    EntityManager entityManager;

    @Inject
    PersonalDataCipher cipher;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    static String housing() {
        return Tokens.clientToken("west-kent-housing");
    }

    static Map<String, Object> incident(String reference) {
        return Map.of(
                "sourceReference", reference,
                "occurredAt", Instant.now().minus(2, ChronoUnit.HOURS).toString(),
                "district", "sevenoaks",
                "strands", List.of(Map.of("code", "race")),
                "incidentTypes", List.of("verbal-abuse"),
                "crimeSuspected", true,
                "perceivedBy", "victim",
                "victim", Map.of("name", CANARY_NAME, "email", "canary@example.org", "preferredContact", "email",
                        "ageBand", "25-34"),
                "consents", List.of(Map.of("recipientOrganisation", "kent-police", "purpose", "investigation",
                        "level", "identifiable", "method", "verbal")));
    }

    long incidents() {
        return ((Number) entityManager.createNativeQuery("select count(*) from incident").getSingleResult()).longValue();
    }

    @Test
    void acceptsAReportAndPublishesItsEventWithTheVictimSealed() {
        String reference = "WKH-" + UUID.randomUUID();
        String id = given().auth().oauth2(housing()).contentType(ContentType.JSON).body(incident(reference))
                .when().post("/api/v1/incidents")
                .then().statusCode(201)
                .body("status", equalTo("accepted"))
                .body("district", equalTo("sevenoaks"))
                .body("victim.name", equalTo(CANARY_NAME))
                .extract().path("id");

        EventEnvelope event = awaitEvent(UUID.fromString(id));
        IncidentReported data = EventCodec.data(event, IncidentReported.class);
        assertThat(data.sourceOrganisation()).isEqualTo("west-kent-housing");
        assertThat(data.sourceOrganisationType()).isEqualTo("housing-provider");
        assertThat(data.consents()).singleElement().satisfies(c -> {
            assertThat(c.recipientOrganisation()).isEqualTo("kent-police");
            assertThat(c.level()).isEqualTo("identifiable");
        });
        assertThat(event.data().toString()).doesNotContain("Canary");
        assertThat(event.personal()).singleElement().satisfies(part -> {
            assertThat(part.ciphertext()).doesNotContain("Canary");
            VictimDetails opened = EventCodec.read(cipher.open(part).orElseThrow(), VictimDetails.class);
            assertThat(opened.name()).isEqualTo(CANARY_NAME);
        });
        assertThat(((String) entityManager.createNativeQuery("select sealed_personal::text from incident where id = :id")
                .setParameter("id", UUID.fromString(id)).getSingleResult())).doesNotContain("Canary");
    }

    @Test
    void everyPersonalPartIsSealedUnderItsSubjectsKey() {
        Map<String, Object> full = new java.util.HashMap<>(incident("WKH-" + UUID.randomUUID()));
        full.put("perceivedBy", "reporter");
        full.put("postcode", "TN13 1AA");
        full.put("narrative", "Canary narrative: shouted at on the stairs.\nTwice.");
        full.put("reporter", Map.of("name", "Canary Reporter", "role", "neighbour", "phone", "01732 111111"));
        full.put("perpetrator", Map.of("description", "Canary perpetrator, tall, red coat"));
        full.put("victim", Map.of("name", CANARY_NAME, "dateOfBirth", "1990-05-01",
                "address", Map.of("line1", "1 Canary Row", "postcode", "TN13 2AB"), "tenancyReference", "T-100",
                "accessibility", Map.of("interpreterLanguage", "ur", "textRelay", true)));
        String id = given().auth().oauth2(housing()).contentType(ContentType.JSON).body(full)
                .when().post("/api/v1/incidents")
                .then().statusCode(201)
                .body("victim.ageBand", equalTo("35-44"))
                .body("victim.address.line1", equalTo("1 Canary Row"))
                .body("victim.interpreterLanguage", equalTo("ur"))
                .body("reporter.role", equalTo("neighbour"))
                .body("perpetratorDescription", equalTo("Canary perpetrator, tall, red coat"))
                .body("postcode", equalTo("TN13 1AA"))
                .extract().path("id");

        EventEnvelope event = awaitEvent(UUID.fromString(id));
        assertThat(event.personal()).extracting(p -> p.subjectRole())
                .containsExactlyInAnyOrder("victim", "reporter", "perpetrator", "narrative");
        // victim, reporter and perpetrator are three subjects; the narrative is sealed under the victim's key
        assertThat(event.personal().stream().map(p -> p.subjectId()).distinct()).hasSize(3);
        String wire = EventCodec.encode(event);
        assertThat(wire).doesNotContain("Canary").doesNotContain("TN13").doesNotContain("T-100");
        IncidentReported data = EventCodec.data(event, IncidentReported.class);
        assertThat(data.reporterRole()).isEqualTo("neighbour");
        assertThat(data.narrativeSubjectId()).isEqualTo(data.victimSubjectId());
        assertThat(data.victimAgeBand()).isEqualTo("35-44");
        assertThat(((String) entityManager.createNativeQuery("select sealed_personal::text from incident where id = :id")
                .setParameter("id", UUID.fromString(id)).getSingleResult())).doesNotContain("Canary").doesNotContain("TN13");
    }

    @Test
    void aReportingCentreIsTheSourceOfWhatItPushesAndTheVictimsChoicesTravelWithIt() {
        Map<String, Object> report = new java.util.HashMap<>(incident("TM-" + UUID.randomUUID()));
        report.put("strands", List.of(Map.of("code", "religion", "subCategory", "anti-muslim")));
        report.put("consents", List.of(
                Map.of("recipientOrganisation", "kent-police", "purpose", "investigation", "level", "anonymised",
                        "method", "online"),
                Map.of("recipientType", "support-charity", "purpose", "support", "level", "identifiable",
                        "method", "online")));
        String id = given().auth().oauth2(Tokens.clientToken("tell-mama")).contentType(ContentType.JSON).body(report)
                .when().post("/api/v1/incidents").then().statusCode(201).extract().path("id");

        IncidentReported data = EventCodec.data(awaitEvent(UUID.fromString(id)), IncidentReported.class);
        assertThat(data.sourceOrganisation()).isEqualTo("tell-mama");
        assertThat(data.sourceOrganisationType()).isEqualTo("third-party-reporting-centre");
        assertThat(data.consents()).extracting(c -> c.recipientOrganisation() + "/" + c.recipientType() + "/"
                + c.purpose() + "/" + c.level() + "/" + c.recordedBy())
                .containsExactly("kent-police/null/investigation/anonymised/tell-mama",
                        "null/support-charity/support/identifiable/tell-mama");
    }

    @Test
    void listsEveryFieldErrorAndStoresNothing() {
        long before = incidents();
        Map<String, Object> bad = new java.util.HashMap<>(incident("WKH-" + UUID.randomUUID()));
        bad.put("occurredAt", Instant.now().plus(1, ChronoUnit.DAYS).toString());
        bad.put("district", "atlantis");
        bad.put("strands", List.of(Map.of("code", "religion", "subCategory", "invented")));

        given().auth().oauth2(housing()).contentType(ContentType.JSON).body(bad)
                .when().post("/api/v1/incidents")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://amity.example/problems/validation"))
                .body("errors.field", hasItem("$.occurredAt"))
                .body("errors.field", hasItem("$.district"))
                .body("errors.field", hasItem("$.strands[0].subCategory"));

        assertThat(incidents()).isEqualTo(before);
    }

    @Test
    void namesMissingFieldsAndRejectsUnknownOnes() {
        Map<String, Object> missing = new java.util.HashMap<>(incident("WKH-" + UUID.randomUUID()));
        missing.remove("district");
        given().auth().oauth2(housing()).contentType(ContentType.JSON).body(missing)
                .when().post("/api/v1/incidents")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("$.district"));

        Map<String, Object> extra = new java.util.HashMap<>(incident("WKH-" + UUID.randomUUID()));
        extra.put("ownerOrganisation", "kent-police");
        given().auth().oauth2(housing()).contentType(ContentType.JSON).body(extra)
                .when().post("/api/v1/incidents")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("$.ownerOrganisation"))
                .body("errors[0].message", equalTo("unknown field"));

        given().auth().oauth2(housing()).contentType(ContentType.JSON).body("{\"district\": ")
                .when().post("/api/v1/incidents")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://amity.example/problems/malformed-body"));

        given().auth().oauth2(housing()).contentType(ContentType.TEXT).body("hello")
                .when().post("/api/v1/incidents")
                .then().statusCode(415);
    }

    @Test
    void repeatingTheSameReportReturnsTheOriginalAndADifferentOneUnderTheSameReferenceIsAConflict() {
        Map<String, Object> report = incident("WKH-" + UUID.randomUUID());
        String id = given().auth().oauth2(housing()).contentType(ContentType.JSON).body(report)
                .when().post("/api/v1/incidents").then().statusCode(201).extract().path("id");
        long before = incidents();

        given().auth().oauth2(housing()).contentType(ContentType.JSON).body(report)
                .when().post("/api/v1/incidents")
                .then().statusCode(200).header("Idempotent-Replayed", "true").body("id", equalTo(id));

        Map<String, Object> changed = new java.util.HashMap<>(report);
        changed.put("district", "medway");
        given().auth().oauth2(housing()).contentType(ContentType.JSON).body(changed)
                .when().post("/api/v1/incidents")
                .then().statusCode(409).contentType("application/problem+json");
        assertThat(incidents()).isEqualTo(before);
    }

    @Test
    void theIdempotencyKeyHeaderWorksTheSameWay() {
        Map<String, Object> report = new java.util.HashMap<>(incident("WKH-" + UUID.randomUUID()));
        report.remove("sourceReference");
        String key = "retry-" + UUID.randomUUID();
        String id = given().auth().oauth2(housing()).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(report).when().post("/api/v1/incidents").then().statusCode(201).extract().path("id");
        long before = incidents();
        given().auth().oauth2(housing()).header("Idempotency-Key", key).contentType(ContentType.JSON).body(report)
                .when().post("/api/v1/incidents").then().statusCode(200).body("id", equalTo(id));
        report.put("crimeSuspected", false);
        given().auth().oauth2(housing()).header("Idempotency-Key", key).contentType(ContentType.JSON).body(report)
                .when().post("/api/v1/incidents").then().statusCode(409);
        // the same key from another organisation is that organisation's own
        given().auth().oauth2(Tokens.clientToken("tell-mama")).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(report).when().post("/api/v1/incidents").then().statusCode(201);
        given().auth().oauth2(housing()).header("Idempotency-Key", "not valid!").contentType(ContentType.JSON)
                .body(report).when().post("/api/v1/incidents").then().statusCode(400)
                .body("errors.field", hasItem("idempotencyKey"));
        assertThat(incidents()).isEqualTo(before + 1);
    }

    @Test
    void anOrganisationSeesOnlyItsOwnReports() {
        String id = given().auth().oauth2(housing()).contentType(ContentType.JSON).body(incident("WKH-" + UUID.randomUUID()))
                .when().post("/api/v1/incidents").then().statusCode(201).extract().path("id");

        given().auth().oauth2(housing()).when().get("/api/v1/incidents/" + id).then().statusCode(200)
                .body("id", equalTo(id));
        given().auth().oauth2(Tokens.clientToken("tell-mama")).when().get("/api/v1/incidents/" + id)
                .then().statusCode(404).contentType("application/problem+json")
                .body("victim", nullValue());
        given().auth().oauth2(Tokens.clientToken("tell-mama")).when().get("/api/v1/incidents?size=100")
                .then().statusCode(200).body("items.id", not(hasItem(id)));
        given().auth().oauth2(housing()).when().get("/api/v1/incidents?size=100")
                .then().statusCode(200).body("items.id", hasItem(id));
    }

    @Test
    void refusesCallersWithoutATokenOrTheRole() {
        given().contentType(ContentType.JSON).body(incident("WKH-" + UUID.randomUUID()))
                .when().post("/api/v1/incidents")
                .then().statusCode(401);
        given().auth().oauth2(Tokens.clientToken("kent-community-safety")).contentType(ContentType.JSON)
                .body(incident("WKH-" + UUID.randomUUID()))
                .when().post("/api/v1/incidents")
                .then().statusCode(403).contentType("application/problem+json")
                .body("victim", nullValue());
    }

    private EventEnvelope awaitEvent(UUID incidentId) {
        return EventCodec.decode(TopicReader.await(bootstrapServers, Topics.INTAKE_INCIDENT_V1,
                r -> incidentId.toString().equals(r.key()), Duration.ofSeconds(30)).value());
    }
}
