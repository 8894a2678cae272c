package org.amity.platformtests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import org.amity.platform.testing.Tokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;

/**
 * Accepted means committed: kill -9 intake right after it answered 201, and every report it
 * accepted still reaches the case service, exactly once.
 */
class IntakeCrashIT {

    static PlatformUnderTest platform;

    @BeforeAll
    static void platform() {
        platform = PlatformUnderTest.get();
    }

    UUID report(String reference) {
        String id = given().auth().oauth2(Tokens.clientToken("west-kent-housing")).contentType(ContentType.JSON)
                .body(Reports.raceIncidentWithPoliceConsent(reference, "ashford", "Intake Crash " + reference))
                .when().post(platform.url("intake") + "/api/v1/incidents")
                .then().statusCode(201).extract().path("id");
        return UUID.fromString(id);
    }

    List<UUID> casesFor(List<UUID> incidents) throws Exception {
        try (Connection db = platform.database("case");
                PreparedStatement query = db.prepareStatement("select incident_id from case_file where incident_id = any(?)")) {
            query.setObject(1, incidents.toArray(UUID[]::new));
            List<UUID> out = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    out.add((UUID) rows.getObject(1));
                }
            }
            return out;
        }
    }

    @Test
    void reportsAcceptedJustBeforeAKillAreNotLostNorDuplicated() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<UUID> accepted = new ArrayList<>();
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 20; i++) {
                accepted.add(report("ICRASH-" + run + "-" + round + "-" + i));
            }
            platform.kill("intake");   // straight after the last 201: its event may still be in the outbox
            platform.start("intake");
            platform.awaitReady("intake");
        }

        await().atMost(Duration.ofSeconds(120)).until(() -> casesFor(accepted).size() == accepted.size());
        List<UUID> cased = casesFor(accepted);
        assertThat(new HashSet<>(cased)).isEqualTo(new HashSet<>(accepted));
        assertThat(cased).hasSize(accepted.size());
    }
}
