package org.amity.analytics.adapters;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;

import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.amity.analytics.domain.CaseFacts;
import org.amity.analytics.domain.Period;
import org.amity.platform.testing.Tokens;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/** Reports for a housing provider and the partnership: CSV to download, HTML with inline SVG charts. */
@QuarkusTest
class ReportTest {

    @Inject
    RecordedFacts recorded;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aHousingProvidersQuarterlyReportAndThePartnershipReport() {
        Period year = TestFacts.freshYear(dataSource);
        List<CaseFacts> facts = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            facts.add(TestFacts.facts(year.firstDay().plusDays(i * 3), i % 2 == 0 ? "sevenoaks" : "tonbridge-and-malling",
                    "west-kent-housing", List.of(i % 3 == 0 ? "religion" : "race")));
        }
        facts.add(TestFacts.facts(year.firstDay().plusDays(5), "sevenoaks", "west-kent-housing", List.of("disability")));
        recorded.record(facts);

        String csv = given().auth().oauth2(Tokens.clientToken("west-kent-housing"))
                .queryParam("period", year.label() + "-Q1")
                .when().get("/api/v1/reports/quarterly.csv")
                .then().statusCode(200).contentType("text/csv").header("Content-Disposition", org.hamcrest.Matchers
                        .containsString("attachment")).extract().asString();
        assertThat(csv).contains("\"Hate incidents: quarterly committee report\"", "\"race\"", "\"religion\"",
                "\"disability\",", "[c]");

        String html = given().auth().oauth2(Tokens.clientToken("kent-community-safety"))
                .queryParam("period", year.label())
                .when().get("/api/v1/reports/partnership.html")
                .then().statusCode(200).contentType("text/html").extract().asString();
        assertThat(html).contains("<svg", "<polyline", "<rect", "Rolling twelve months", "Kent county")
                .doesNotContain("<script", "http://cdn", "https://");
    }

    @Test
    void aMonthlyReportNeedsAMonth() {
        given().auth().oauth2(Tokens.clientToken("west-kent-housing")).queryParam("period", "FY2020-21")
                .when().get("/api/v1/reports/monthly.csv")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("period"));
        given().auth().oauth2(Tokens.clientToken("west-kent-housing")).queryParam("period", "2020-05")
                .when().get("/api/v1/reports/weekly.csv")
                .then().statusCode(400).body("errors.field", hasItem("report"));
    }
}
