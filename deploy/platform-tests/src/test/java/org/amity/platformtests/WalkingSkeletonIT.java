package org.amity.platformtests;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.amity.platform.testing.Tokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;

/**
 * The README's flow, end to end, against the packaged services: a housing provider reports an
 * incident; a case opens; the police receive an identifiable referral (the victim consented) that
 * Tell MAMA does not see; the county's analysts see the count for the strand and district go up by one.
 */
class WalkingSkeletonIT {

    /** A district no other test reports in: the count it watches moves only by this test's report. */
    static final String DISTRICT = "swale";

    static PlatformUnderTest platform;

    @BeforeAll
    static void platform() {
        platform = PlatformUnderTest.get();
    }

    /**
     * The race incidents in this test's district over the last twelve months as the county's analysts see them:
     * the count, {@link #SUPPRESSED} when it is from 1 to 4 (disclosure control), 0 when there are none.
     */
    static long raceInSwale() {
        return figure(statistics());
    }

    static final long SUPPRESSED = -1;

    static String statistics() {
        return given().auth().oauth2(Tokens.clientToken("kent-community-safety"))
                .queryParam("district", DISTRICT).queryParam("strand", "race")
                .when().get(platform.url("analytics") + "/api/v1/statistics/tables/strand")
                .then().statusCode(200).extract().asString();
    }

    static long figure(String view) {
        List<Map<String, Object>> rows = io.restassured.path.json.JsonPath.from(view).getList("table.rows");
        if (rows == null || rows.isEmpty()) {
            return 0;
        }
        Map<?, ?> total = (Map<?, ?>) rows.get(0).get("total");
        return Boolean.TRUE.equals(total.get("suppressed")) ? SUPPRESSED : ((Number) total.get("incidents")).longValue();
    }

    static List<Map<String, Object>> referrals(String organisation) {
        return given().auth().oauth2(Tokens.clientToken(organisation)).queryParam("size", 100)
                .when().get(platform.url("sharing") + "/api/v1/referrals")
                .then().statusCode(200).extract().path("items");
    }

    @Test
    void aHousingReportReachesThePoliceAndTheStatisticsButNobodyElse() {
        assertThat(raceInSwale()).as("swale is this test's own district").isZero();
        String victim = "Canary " + UUID.randomUUID();

        given().auth().oauth2(Tokens.clientToken("west-kent-housing")).contentType(ContentType.JSON)
                .body(Reports.raceIncidentWithPoliceConsent("WKH-E2E-" + UUID.randomUUID(), DISTRICT, victim))
                .when().post(platform.url("intake") + "/api/v1/incidents")
                .then().statusCode(201);

        Map<String, Object> referral = await().atMost(Duration.ofSeconds(60)).until(
                () -> referrals("kent-police").stream()
                        .filter(r -> r.get("victim") instanceof Map<?, ?> v && victim.equals(v.get("name")))
                        .findFirst().orElse(null),
                r -> r != null);
        assertThat(referral.get("level")).isEqualTo("identifiable");
        assertThat(((Map<?, ?>) referral.get("incident")).get("district")).isEqualTo(DISTRICT);
        assertThat(((Map<?, ?>) referral.get("basis")).get("agreementId"))
                .isEqualTo("00000000-0000-4000-8000-000000000001");

        // one incident: the analysts see that the figure moved, but not the small number itself
        await().atMost(Duration.ofSeconds(60)).until(() -> raceInSwale() == SUPPRESSED);
        assertThat(referrals("tell-mama").toString()).doesNotContain(victim);
        assertThat(statistics()).doesNotContain(victim);
        for (String service : platform.services()) {
            assertThat(platform.log(service)).as("the log of " + service).doesNotContain(victim);
        }
    }
}
