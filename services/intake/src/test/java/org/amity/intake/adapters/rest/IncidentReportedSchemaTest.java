package org.amity.intake.adapters.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.amity.contracts.EventSchemas;
import org.amity.contracts.Topics;
import org.amity.intake.application.IncidentService;
import org.amity.intake.application.IncidentService.Outcome;
import org.amity.intake.domain.Channel;
import org.amity.platform.testing.Tokens;
import org.amity.platform.testing.TopicReader;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Intake does not check IncidentReported against its schema on every send in production
 * ({@code amity.outbox.validate-events=false}); tests run with the check on, so every event any test makes intake
 * emit is checked as it is appended. This test also reads what reached Kafka, for every shape of report (the fullest
 * one, the barest, a range, a reporting centre's, the public form's, a batch's), and checks each against the schema
 * itself, independently of that setting.
 */
@QuarkusTest
class IncidentReportedSchemaTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    IncidentService service;

    @Inject
    ObjectMapper json;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Test
    void everyShapeOfReportEmitsAnEventThatMatchesTheSchema() throws Exception {
        List<String> ids = new ArrayList<>();
        Map<String, Object> fullest = new HashMap<>(IncidentResourceTest.incident("WKH-S-" + UUID.randomUUID()));
        fullest.put("perceivedBy", "reporter");
        fullest.put("postcode", "TN13 1AA");
        fullest.put("occurredTo", Instant.now().minus(1, ChronoUnit.HOURS).toString());
        fullest.put("reportedAt", Instant.now().minus(30, ChronoUnit.MINUTES).toString());
        fullest.put("narrative", "Shouted at on the stairs.\nTwice.");
        fullest.put("reporter", Map.of("name", "A Reporter", "role", "neighbour", "phone", "01732 111111",
                "email", "reporter@example.org"));
        fullest.put("perpetrator", Map.of("description", "tall, red coat"));
        fullest.put("strands", List.of(Map.of("code", "race"), Map.of("code", "religion", "subCategory", "antisemitic"),
                Map.of("code", "alternative-subculture")));
        fullest.put("incidentTypes", List.of("verbal-abuse", "damage-to-property"));
        fullest.put("victim", Map.of("name", "A Victim", "dateOfBirth", "1990-05-01", "email", "victim@example.org",
                "preferredContact", "email", "address", Map.of("line1", "1 Row", "town", "Sevenoaks",
                        "postcode", "TN13 2AB"),
                "tenancyReference", "T-100", "accessibility", Map.of("interpreterLanguage", "ur", "textRelay", true)));
        fullest.put("consents", List.of(
                Map.of("recipientOrganisation", "kent-police", "purpose", "investigation", "level", "identifiable",
                        "method", "verbal", "givenAt", Instant.now().minus(20, ChronoUnit.MINUTES).toString()),
                Map.of("recipientType", "support-charity", "purpose", "support", "level", "anonymised",
                        "method", "written")));
        ids.add(post(Tokens.clientToken("west-kent-housing"), fullest));

        Map<String, Object> barest = new HashMap<>(IncidentResourceTest.incident("WKH-S-" + UUID.randomUUID()));
        barest.remove("sourceReference");
        barest.remove("victim");
        barest.remove("consents");
        barest.put("crimeSuspected", false);
        barest.put("perceivedBy", "other");
        ids.add(post(Tokens.clientToken("west-kent-housing"), barest));

        ids.add(post(Tokens.clientToken("tell-mama"), IncidentResourceTest.incident("TM-S-" + UUID.randomUUID())));

        // the public form's path below the rate limit (which other tests of this JVM may have used up)
        IncidentRequest publicForm = json.convertValue(PublicReportTest.anonymous(), IncidentRequest.class);
        Outcome outcome = service.report(SubmissionMapper.toSubmission(publicForm, null, "self", "online"),
                "kent-police", Channel.PUBLIC_FORM, UUID.randomUUID());
        ids.add(((Outcome.Accepted) outcome).incident().id().toString());

        List<Map<String, Object>> batch = List.of(IncidentResourceTest.incident("WKH-SB-" + UUID.randomUUID()),
                fullest.entrySet().stream().collect(HashMap::new, (m, e) -> m.put(e.getKey(), e.getKey()
                        .equals("sourceReference") ? "WKH-SB-" + UUID.randomUUID() : e.getValue()), HashMap::putAll));
        List<String> batchIds = given().auth().oauth2(Tokens.clientToken("west-kent-housing"))
                .contentType(ContentType.JSON).body(Map.of("incidents", batch))
                .when().post("/api/v1/incidents/batch").then().statusCode(200).extract().path("results.id");
        ids.addAll(batchIds);

        for (String id : ids) {
            String payload = TopicReader.await(bootstrapServers, Topics.INTAKE_INCIDENT_V1, r -> id.equals(r.key()),
                    Duration.ofSeconds(30)).value();
            assertThat(EventSchemas.violations(JSON.readTree(payload))).as("IncidentReported of %s", id).isEmpty();
        }
    }

    private static String post(String token, Map<String, Object> report) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(report)
                .when().post("/api/v1/incidents").then().statusCode(201).extract().path("id");
    }
}
