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

    static long raceInSwale() {
        List<Integer> rows = given().auth().oauth2(Tokens.clientToken("kent-community-safety"))
                .queryParam("strand", "race").queryParam("district", DISTRICT)
                .when().get(platform.url("analytics") + "/api/v1/statistics/incidents-by-strand")
                .then().statusCode(200).extract().path("rows.incidents");
        return rows.stream().mapToLong(Integer::longValue).sum();
    }

    static List<Map<String, Object>> referrals(String organisation) {
        return given().auth().oauth2(Tokens.clientToken(organisation)).queryParam("size", 100)
                .when().get(platform.url("sharing") + "/api/v1/referrals")
                .then().statusCode(200).extract().path("items");
    }

    @Test
    void aHousingReportReachesThePoliceAndTheStatisticsButNobodyElse() {
        long before = raceInSwale();
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

        await().atMost(Duration.ofSeconds(60)).until(() -> raceInSwale() == before + 1);
        assertThat(referrals("tell-mama").toString()).doesNotContain(victim);
        String statistics = given().auth().oauth2(Tokens.clientToken("kent-community-safety"))
                .queryParam("strand", "race").queryParam("district", DISTRICT)
                .when().get(platform.url("analytics") + "/api/v1/statistics/incidents-by-strand").asString();
        assertThat(statistics).doesNotContain(victim);
        for (String service : platform.services()) {
            assertThat(platform.log(service)).as("the log of " + service).doesNotContain(victim);
        }
    }
}
