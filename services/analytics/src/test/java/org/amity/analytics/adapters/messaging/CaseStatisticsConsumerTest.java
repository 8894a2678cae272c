package org.amity.analytics.adapters.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.amity.analytics.domain.CaseFacts;
import org.amity.contracts.EventCodec;
import org.amity.contracts.Strand;
import org.amity.contracts.casework.CaseStatisticsRecorded;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The facts read field by field from an event's tree are the facts of the contract's record. */
class CaseStatisticsConsumerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final List<String> OPTIONAL = List.of("outcomeCode", "contactTargetMet", "classification",
            "housingOutcome", "likelyDuplicate", "sourceOrganisation");

    static Stream<CaseStatisticsRecorded> events() {
        UUID key = UUID.fromString("0190c6a4-1e2f-7a3b-8c4d-5e6f7a8b9c0d");
        return Stream.of(
                new CaseStatisticsRecorded(key, LocalDate.of(2024, 5, 1), LocalDate.of(2024, 4, 30), "thanet",
                        List.of(new Strand("race", null), new Strand("religion", "anti-muslim")),
                        List.of("verbal-abuse", "online-abuse"), true, "housing-provider", 8, true, true,
                        "hate-crime", "mediation", true, "west-kent-housing"),
                new CaseStatisticsRecorded(key, LocalDate.of(2017, 3, 31), LocalDate.of(2017, 1, 1), "medway",
                        List.of(new Strand("transgender", null)), List.of(), false, "police", null, false, null,
                        null, null, null, null),
                new CaseStatisticsRecorded(key, LocalDate.of(2020, 2, 29), LocalDate.of(2020, 2, 29), "dover",
                        List.of(new Strand("disability", "learning")), List.of("physical-assault"), false,
                        "reporting-centre", 0, false, false, "non-crime-hate-incident", null, false, null));
    }

    @ParameterizedTest
    @MethodSource("events")
    void theTreeGivesTheFactsOfTheRecord(CaseStatisticsRecorded event) throws IOException {
        ObjectNode tree = (ObjectNode) JSON.readTree(EventCodec.bytes(event));

        assertThat(CaseStatisticsConsumer.toFacts(tree)).isEqualTo(fromTheRecord(event));
    }

    @ParameterizedTest
    @MethodSource("events")
    void anOptionalFieldAbsentOrNullIsNoValue(CaseStatisticsRecorded event) throws IOException {
        ObjectNode absent = (ObjectNode) JSON.readTree(EventCodec.bytes(event));
        ObjectNode nulls = absent.deepCopy();
        for (String field : OPTIONAL) {
            if (absent.path(field).isNull()) {
                absent.remove(field);
            }
            if (nulls.path(field).isMissingNode()) {
                nulls.set(field, NullNode.getInstance());
            }
        }

        assertThat(CaseStatisticsConsumer.toFacts(absent)).isEqualTo(fromTheRecord(event));
        assertThat(CaseStatisticsConsumer.toFacts(nulls)).isEqualTo(fromTheRecord(event));
    }

    /** The contract's record in the service's terms, as the consumer mapped it before it read the tree itself. */
    private static CaseFacts fromTheRecord(CaseStatisticsRecorded facts) {
        return new CaseFacts(facts.caseKey(), facts.receivedOn(), facts.occurredOn(), facts.district(),
                facts.strands().stream().map(s -> new CaseFacts.Strand(s.code(), s.subCategory())).toList(),
                facts.incidentTypes(), facts.crimeSuspected(), facts.sourceOrganisationType(),
                facts.sourceOrganisation(), facts.outcomeCode(), facts.housingOutcome(), facts.classification(),
                facts.repeatVictim(), facts.contactTargetMet(), Boolean.TRUE.equals(facts.likelyDuplicate()));
    }
}
