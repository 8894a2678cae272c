package org.amity.intake.adapters.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.amity.contracts.EventCodec;
import org.amity.contracts.EventEnvelope;
import org.amity.contracts.Topics;
import org.amity.intake.application.IncidentService;
import org.amity.intake.application.IncidentService.Outcome;
import org.amity.intake.application.IncidentService.Request;
import org.amity.intake.domain.Channel;
import org.amity.platform.testing.Tokens;
import org.amity.platform.testing.TopicReader;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/** Single reports committed together (ReportGroups): each judged as if it had come alone. */
@QuarkusTest
class ReportGroupsTest {

    @Inject
    IncidentService service;

    @Inject
    ObjectMapper json;

    @Inject
    EntityManager entityManager;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    long incidents() {
        return ((Number) entityManager.createNativeQuery("select count(*) from incident").getSingleResult()).longValue();
    }

    private Request request(String organisation, Map<String, Object> body, String key, UUID correlation) {
        IncidentRequest parsed = json.convertValue(body, IncidentRequest.class);
        return new Request(SubmissionMapper.toSubmission(parsed, key, organisation, null), organisation,
                Channel.MACHINE_API, correlation);
    }

    @Test
    void reportsOfSeveralCallersInOneTransactionAreEachJudgedAsIfTheyCameAlone() {
        String key = "together-" + UUID.randomUUID();
        Map<String, Object> body = new HashMap<>(IncidentResourceTest.incident("WKH-T-" + UUID.randomUUID()));
        body.remove("sourceReference");
        Map<String, Object> other = new HashMap<>(body);
        other.put("district", "medway");
        Map<String, Object> outsideKent = new HashMap<>(body);
        outsideKent.put("district", "gotham");
        String earlierKey = "earlier-" + UUID.randomUUID();
        String earlier = given().auth().oauth2(Tokens.clientToken("west-kent-housing")).header("Idempotency-Key",
                earlierKey).contentType(ContentType.JSON).body(body).when().post("/api/v1/incidents")
                .then().statusCode(201).extract().path("id");
        UUID housingCorrelation = UUID.randomUUID();
        UUID centreCorrelation = UUID.randomUUID();
        long before = incidents();

        List<Outcome> outcomes = service.reportTogether(List.of(
                request("west-kent-housing", body, key, housingCorrelation),
                request("tell-mama", body, key, centreCorrelation),
                request("west-kent-housing", body, key, UUID.randomUUID()),
                request("west-kent-housing", other, key, UUID.randomUUID()),
                request("west-kent-housing", outsideKent, null, UUID.randomUUID()),
                request("west-kent-housing", body, earlierKey, UUID.randomUUID())));

        assertThat(outcomes.get(0)).isInstanceOf(Outcome.Accepted.class);
        UUID housings = ((Outcome.Accepted) outcomes.get(0)).incident().id();
        // the same key is another organisation's own
        assertThat(outcomes.get(1)).isInstanceOf(Outcome.Accepted.class);
        UUID centres = ((Outcome.Accepted) outcomes.get(1)).incident().id();
        assertThat(outcomes.get(2)).isInstanceOfSatisfying(Outcome.Repeated.class,
                r -> assertThat(r.incident().id()).isEqualTo(housings));
        assertThat(outcomes.get(3)).isInstanceOfSatisfying(Outcome.Rejected.class,
                r -> assertThat(r.conflict()).isTrue());
        assertThat(outcomes.get(4)).isInstanceOfSatisfying(Outcome.Rejected.class, r -> {
            assertThat(r.conflict()).isFalse();
            assertThat(r.violations()).extracting(v -> v.field()).contains("$.district");
        });
        assertThat(outcomes.get(5)).isInstanceOfSatisfying(Outcome.Repeated.class,
                r -> assertThat(r.incident().id().toString()).isEqualTo(earlier));
        assertThat(incidents()).isEqualTo(before + 2);
        // each event carries its own request's correlation id
        assertThat(awaitEvent(housings).correlationId()).isEqualTo(housingCorrelation);
        assertThat(awaitEvent(centres).correlationId()).isEqualTo(centreCorrelation);
    }

    @Test
    void singleReportsSentAtOnceAreEachAnsweredAndARepeatedKeyIsStoredOnce() throws Exception {
        long before = incidents();
        String key = "at-once-" + UUID.randomUUID();
        Map<String, Object> repeated = new HashMap<>(IncidentResourceTest.incident("WKH-R-" + UUID.randomUUID()));
        String token = Tokens.clientToken("west-kent-housing");
        List<CompletableFuture<ExtractableResponse<Response>>> calls = new ArrayList<>();
        try (ExecutorService clients = Executors.newFixedThreadPool(16)) {
            for (int i = 0; i < 40; i++) {
                boolean same = i % 4 == 0;
                Map<String, Object> body = same ? repeated
                        : IncidentResourceTest.incident("WKH-A-" + UUID.randomUUID());
                calls.add(CompletableFuture.supplyAsync(() -> {
                    var call = given().auth().oauth2(token).contentType(ContentType.JSON).body(body);
                    if (same) {
                        call = call.header("Idempotency-Key", key);
                    }
                    return call.when().post("/api/v1/incidents").then().extract();
                }, clients));
            }
            List<ExtractableResponse<Response>> answers = new ArrayList<>();
            for (CompletableFuture<ExtractableResponse<Response>> call : calls) {
                answers.add(call.get());
            }
            List<ExtractableResponse<Response>> repeats = new ArrayList<>();
            for (int i = 0; i < answers.size(); i++) {
                if (i % 4 == 0) {
                    repeats.add(answers.get(i));
                } else {
                    assertThat(answers.get(i).statusCode()).isEqualTo(201);
                }
            }
            assertThat(repeats).extracting(ExtractableResponse::statusCode).containsOnly(200, 201)
                    .filteredOn(status -> status == 201).hasSize(1);
            assertThat(repeats).extracting(r -> (String) r.path("id")).containsOnly((String) repeats.get(0).path("id"));
        }
        assertThat(incidents()).isEqualTo(before + 31);
    }

    private EventEnvelope awaitEvent(UUID incidentId) {
        return EventCodec.decode(TopicReader.await(bootstrapServers, Topics.INTAKE_INCIDENT_V1,
                r -> incidentId.toString().equals(r.key()), Duration.ofSeconds(30)).value());
    }
}
