package org.amity.analytics.adapters;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.amity.analytics.domain.CaseFacts;
import org.amity.analytics.domain.Period;
import org.amity.platform.testing.Tokens;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/** Rolling twelve months against the twelve before, and tension spikes, through the API. */
@QuarkusTest
class TrendsTest {

    @Inject
    RecordedFacts recorded;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aRiseAfterANationalEventIsASpikeAndTheRollingYearShowsTheChange() {
        Period year = TestFacts.freshYear(dataSource);
        LocalDate event = year.firstDay().plusDays(200);
        List<CaseFacts> facts = new ArrayList<>();
        for (int d = 1; d <= 200; d++) { // one race incident a day in Dartford, every other day two
            for (int k = 0; k < 1 + d % 2; k++) {
                facts.add(TestFacts.facts(event.minusDays(d), "dartford", null, List.of("race")));
            }
        }
        for (int k = 0; k < 11; k++) {
            facts.add(TestFacts.facts(event, "dartford", null, List.of("race")));
        }
        recorded.record(facts);
        String analyst = Tokens.clientToken("kent-community-safety");

        given().auth().oauth2(analyst).queryParam("from", event.minusDays(3).toString())
                .queryParam("to", event.plusDays(1).toString()).queryParam("strand", "race")
                .when().get("/api/v1/tension/spikes")
                .then().statusCode(200).body("total", equalTo(1)).body("spikes[0].district", equalTo("dartford"))
                .body("spikes[0].strand", equalTo("race")).body("spikes[0].incidents", equalTo(11))
                .body("spikes[0].day", equalTo(event.toString()));
        given().auth().oauth2(analyst).queryParam("strand", "weather").when().get("/api/v1/tension/spikes")
                .then().statusCode(400).body("errors.field", hasItem("strand"));

        // all 311 incidents fall in the twelve months to the year's end; none in the twelve before
        given().auth().oauth2(analyst).queryParam("to", year.to().minusMonths(1).toString())
                .when().get("/api/v1/statistics/rolling-year")
                .then().statusCode(200).body("total.current.incidents", equalTo(311))
                .body("total.previous.incidents", equalTo(0)).body("total.changePercent", equalTo(null));
        // twelve months later: none now, 311 before, -100%
        given().auth().oauth2(analyst).queryParam("to", year.to().plusMonths(11).toString())
                .when().get("/api/v1/statistics/rolling-year")
                .then().statusCode(200).body("total.previous.incidents", equalTo(311))
                .body("total.changePercent", equalTo(-100));
    }
}
