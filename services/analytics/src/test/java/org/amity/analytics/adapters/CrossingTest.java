package org.amity.analytics.adapters;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.amity.analytics.domain.CaseFacts;
import org.amity.analytics.domain.Period;
import org.amity.platform.testing.Tokens;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Outcome by strand, repeat victimisation by strand and the share of contacts made in time, with suppression. */
@QuarkusTest
class CrossingTest {

    @Inject
    RecordedFacts recorded;

    @Inject
    AgroalDataSource dataSource;

    static CaseFacts incident(LocalDate day, List<String> strands, Integer outcome, Boolean contactMet) {
        return new CaseFacts(UUID.randomUUID(), day, day, "canterbury",
                strands.stream().map(s -> new CaseFacts.Strand(s, null)).toList(), List.of("verbal-abuse"), true,
                "police", "kent-police", outcome, null, "hate-crime", false, contactMet, false);
    }

    JsonPath table(Period year, String dimension) {
        return given().auth().oauth2(Tokens.clientToken("kent-community-safety"))
                .queryParam("period", year.label()).queryParam("district", "canterbury").queryParam("by", "strand")
                .when().get("/api/v1/statistics/tables/" + dimension)
                .then().statusCode(200).extract().jsonPath();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> cell(JsonPath table, String value, String strand) {
        int column = table.getList("table.columns").indexOf(strand);
        List<Map<String, Object>> rows = table.getList("table.rows");
        Map<String, Object> row = rows.stream().filter(r -> value.equals(r.get("value"))).findFirst().orElseThrow();
        return ((List<Map<String, Object>>) row.get("cells")).get(column);
    }

    @Test
    void outcomesCountWithinEachStrandOfAnIncidentAndSmallCellsStaySuppressed() {
        Period year = TestFacts.freshYear(dataSource);
        LocalDate day = year.firstDay().plusDays(10);
        List<CaseFacts> facts = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            facts.add(incident(day, List.of("race"), 14, true));
        }
        for (int i = 0; i < 6; i++) {
            facts.add(incident(day, List.of("race", "religion"), 14, false));
        }
        for (int i = 0; i < 7; i++) {
            facts.add(incident(day, List.of("religion"), 1, false));
        }
        for (int i = 0; i < 6; i++) {
            facts.add(incident(day, List.of("race"), 1, true));
        }
        recorded.record(facts);
        // a case's outcome changes: it moves from 14 to 1 within race
        CaseFacts first = facts.get(0);
        recorded.record(List.of(new CaseFacts(first.caseKey(), day, day, "canterbury", first.strands(),
                first.incidentTypes(), true, "police", "kent-police", 1, null, "hate-crime", false, true, false)));

        JsonPath outcomes = table(year, "outcome");
        assertThat(outcomes.getString("table.columnDimension")).isEqualTo("strand");
        assertThat(cell(outcomes, "14", "race").get("incidents")).isEqualTo(15);
        assertThat(cell(outcomes, "14", "religion").get("incidents")).isEqualTo(6);
        assertThat(cell(outcomes, "1", "race").get("incidents")).isEqualTo(7);
        assertThat(cell(outcomes, "1", "religion").get("incidents")).isEqualTo(7);
        assertThat(cell(outcomes, "1", "disability").get("incidents")).isEqualTo(0);
        // the row total counts each incident once, though six of them are in two columns
        assertThat(total(outcomes, "14")).isEqualTo(15);
        assertThat(outcomes.getString("table.note")).contains("more than its total");

        // contacts made within one working day: race 16 met of 22, religion none of 13, overall 16 of 29
        JsonPath contacts = table(year, "contact-target");
        List<Object> shares = contacts.getList("shareMet");
        List<Object> columns = contacts.getList("table.columns");
        assertThat(shares).hasSize(columns.size() + 1);
        assertThat(shares.get(columns.indexOf("race"))).isEqualTo(73);
        assertThat(shares.get(columns.indexOf("religion"))).isEqualTo(0);
        assertThat(shares.get(columns.size())).isEqualTo(55);
        assertThat(shares.get(columns.indexOf("disability"))).isNull(); // no contact to make

        // one disability incident: suppressed, and so is enough else of its row that it cannot be worked out
        recorded.record(List.of(incident(day, List.of("disability"), 1, true)));
        JsonPath after = table(year, "outcome");
        assertThat(cell(after, "1", "disability").get("suppressed")).isEqualTo(true);
        assertThat(cell(after, "1", "disability").get("incidents")).isNull();
        assertThat(after.getList("table.columns").stream()
                .filter(strand -> Boolean.TRUE.equals(cell(after, "1", (String) strand).get("suppressed"))))
                .hasSizeGreaterThan(1);
        contacts = table(year, "contact-target");
        assertThat(contacts.getList("shareMet").get(columns.indexOf("disability"))).isNull();
    }

    static Object total(JsonPath table, String value) {
        List<Map<String, Object>> rows = table.getList("table.rows");
        return ((Map<?, ?>) rows.stream().filter(r -> value.equals(r.get("value"))).findFirst().orElseThrow()
                .get("total")).get("incidents");
    }

    @Test
    void strandDoesNotCrossWithItselfAndTheProblemNamesTheField() {
        given().auth().oauth2(Tokens.clientToken("kent-community-safety")).queryParam("by", "strand")
                .when().get("/api/v1/statistics/tables/strand")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("by"));
        given().auth().oauth2(Tokens.clientToken("kent-community-safety")).queryParam("by", "weekday")
                .when().get("/api/v1/statistics/tables/outcome")
                .then().statusCode(400).body("errors.field", hasItem("by"));
    }
}
