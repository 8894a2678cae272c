package org.amity.analytics.adapters;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.amity.analytics.domain.CaseFacts;
import org.amity.analytics.domain.Period;
import org.amity.platform.testing.Tokens;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * A synthetic financial year built to match the Home Office 2017/18 national figures (DOMAIN.md), fed through the
 * application's figures store, comes back exactly: 94,098 incidents; strands adding up to more, because 6,004
 * incidents carry two strands.
 */
@QuarkusTest
class HomeOfficeReplayTest {

    static final List<String> COUNTY = List.of("ashford", "canterbury", "dartford", "dover", "folkestone-and-hythe",
            "gravesham", "maidstone", "sevenoaks", "swale", "thanet", "tonbridge-and-malling", "tunbridge-wells");

    @Inject
    RecordedFacts recorded;

    @Inject
    AgroalDataSource dataSource;

    /** Incident i's strands: a first strand in Home Office proportions, a second one for 6,004 race incidents. */
    static List<String> strandsOf(int i) {
        String first = i < 71_251 ? "race" : i < 71_251 + 11_638 ? "sexual-orientation"
                : i < 71_251 + 11_638 + 8_336 ? "religion" : "disability";
        if (i < 4_353) {
            return List.of(first, "disability");
        }
        if (i < 6_004) {
            return List.of(first, "transgender");
        }
        return List.of(first);
    }

    @Test
    void theHomeOffice2017to18FiguresComeBackExactly() {
        Period year = TestFacts.freshYear(dataSource);
        List<CaseFacts> batch = new ArrayList<>();
        List<CaseFacts> firstBatch = null;
        for (int i = 0; i < 94_098; i++) {
            batch.add(TestFacts.facts(year.firstDay().plusDays(i % 365), COUNTY.get(i % COUNTY.size()), null,
                    strandsOf(i)));
            if (batch.size() == 5_000 || i == 94_097) {
                recorded.record(batch);
                firstBatch = firstBatch == null ? batch : firstBatch;
                batch = new ArrayList<>();
            }
        }
        // the same facts again (a replay of the stream) change nothing
        recorded.record(firstBatch);

        JsonPath table = given().auth().oauth2(Tokens.clientToken("kent-community-safety"))
                .queryParam("year", year.label())
                .when().get("/api/v1/statistics/home-office")
                .then().statusCode(200).extract().jsonPath();
        Map<String, Integer> byStrand = new java.util.HashMap<>();
        List<Map<String, Object>> rows = table.getList("table.rows");
        rows.forEach(r -> byStrand.put((String) r.get("value"), (Integer) ((Map<?, ?>) r.get("total")).get("incidents")));

        assertThat(table.getInt("table.totals.total.incidents")).isEqualTo(94_098);
        assertThat(byStrand).containsEntry("race", 71_251).containsEntry("sexual-orientation", 11_638)
                .containsEntry("religion", 8_336).containsEntry("disability", 7_226).containsEntry("transgender", 1_651);
        assertThat(table.getString("table.note")).contains("counts once in each");
        assertThat(table.getString("area")).isEqualTo("Kent county");
    }
}
