package org.amity.platformtests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.amity.platform.testing.Tokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;

/**
 * kill -9 of the case service while incidents flow: after its restart every incident has exactly
 * one case, exactly one police referral and is counted exactly once in the statistics.
 */
class ConsumerCrashIT {

    static final int PER_HALF = 100;

    static PlatformUnderTest platform;

    @BeforeAll
    static void platform() {
        platform = PlatformUnderTest.get();
    }

    List<UUID> report(String run, int from, int count) throws Exception {
        String token = Tokens.clientToken("west-kent-housing");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> ids = new ArrayList<>();
            for (int i = from; i < from + count; i++) {
                String reference = "CRASH-" + run + "-" + i;
                ids.add(pool.submit(() -> given().auth().oauth2(token).contentType(ContentType.JSON)
                        .body(Reports.raceIncidentWithPoliceConsent(reference, "gravesham", "Crash Test " + reference))
                        .when().post(platform.url("intake") + "/api/v1/incidents")
                        .then().statusCode(201).extract().path("id")));
            }
            List<UUID> out = new ArrayList<>();
            for (Future<String> id : ids) {
                out.add(UUID.fromString(id.get()));
            }
            return out;
        } finally {
            pool.shutdown();
        }
    }

    static List<UUID> uuids(String service, String sql, Object parameter) throws SQLException {
        try (Connection db = platform.database(service); PreparedStatement query = db.prepareStatement(sql)) {
            query.setObject(1, parameter);
            List<UUID> out = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    out.add((UUID) rows.getObject(1));
                }
            }
            return out;
        }
    }

    static long count(String service, String sql) throws SQLException {
        try (Connection db = platform.database(service); PreparedStatement query = db.prepareStatement(sql);
                ResultSet rows = query.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    List<UUID> caseIncidentIds(List<UUID> incidents) throws SQLException {
        return uuids("case", "select incident_id from case_file where incident_id = any(?)",
                incidents.toArray(UUID[]::new));
    }

    @Test
    void nothingIsLostAndNothingDuplicatedWhenTheCaseServiceIsKilled() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        // gravesham: a district no other test reports in, so its count moves only by this test's reports
        long statisticsBefore = count("analytics", "select count(*) from case_fact where district = 'gravesham'");

        List<UUID> incidents = new ArrayList<>(report(run, 0, PER_HALF));
        await().atMost(Duration.ofSeconds(60)).until(() -> caseIncidentIds(incidents).size() >= 10);
        platform.kill("case");
        int casesAtKill = caseIncidentIds(incidents).size();

        incidents.addAll(report(run, PER_HALF, PER_HALF));   // flows while the case service is down
        platform.start("case");
        platform.awaitReady("case");

        await().atMost(Duration.ofSeconds(120)).until(() -> caseIncidentIds(incidents).size() == incidents.size());
        List<UUID> cased = caseIncidentIds(incidents);
        assertThat(new HashSet<>(cased)).isEqualTo(new HashSet<>(incidents));
        assertThat(cased).hasSize(incidents.size());
        assertThat(casesAtKill).as("the kill happened while events were still flowing").isLessThan(incidents.size());

        Set<UUID> caseIds = new HashSet<>(uuids("case", "select id from case_file where incident_id = any(?)",
                incidents.toArray(UUID[]::new)));
        await().atMost(Duration.ofSeconds(120)).until(() -> uuids("sharing", "select case_id from referral "
                + "where recipient = 'kent-police' and case_id = any(?)", caseIds.toArray(UUID[]::new)).size()
                == caseIds.size());
        List<UUID> referred = uuids("sharing", "select case_id from referral where recipient = 'kent-police' "
                + "and case_id = any(?)", caseIds.toArray(UUID[]::new));
        assertThat(referred).hasSize(caseIds.size()).containsExactlyInAnyOrderElementsOf(caseIds);

        await().atMost(Duration.ofSeconds(120)).until(() -> count("analytics",
                "select count(*) from case_fact where district = 'gravesham'") == statisticsBefore + incidents.size());
    }

    @Test
    void aGracefulStopLeavesTheBatchForRedeliveryAndDeadLettersNothing() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<UUID> incidents = new ArrayList<>(report(run, 0, PER_HALF));
        await().atMost(Duration.ofSeconds(60)).until(() -> caseIncidentIds(incidents).size() >= 10);
        // SIGTERM while a batch is in hand: its connections close under it, which must not count as the events' fault
        platform.stop("case");
        int casesAtStop = caseIncidentIds(incidents).size();
        incidents.addAll(report(run, PER_HALF, PER_HALF));
        platform.start("case");
        platform.awaitReady("case");

        // an event dead-lettered during the stop would never become a case
        await().atMost(Duration.ofSeconds(120)).until(() -> caseIncidentIds(incidents).size() == incidents.size());
        List<UUID> cased = caseIncidentIds(incidents);
        assertThat(cased).hasSize(incidents.size()).containsExactlyInAnyOrderElementsOf(incidents);
        assertThat(casesAtStop).as("the stop happened while events were still flowing").isLessThan(incidents.size());
    }
}
