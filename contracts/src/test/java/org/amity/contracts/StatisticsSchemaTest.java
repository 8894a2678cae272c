package org.amity.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The statistics stream carries no personal data by schema: whatever field a producer tries, a name,
 * a contact detail, an address, a date of birth or a narrative does not validate.
 */
class StatisticsSchemaTest {

    private static final String SCHEMA = "casework/CaseStatisticsRecorded.v1.schema.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final List<Object> PERSONAL_VALUES = List.of(
            "Jane Smith", "jane.smith@example.org", "07700 900123", "+447700900123", "12 High Street, Sevenoaks",
            "TN13 1AA", "1987-03-14T00:00:00Z", "She was shouted at by her neighbour on Tuesday evening.",
            "jane smith", "o'brien");

    private static ObjectNode validFacts() throws Exception {
        return (ObjectNode) JSON.readTree("""
                {"caseKey":"5f0c8a3e-1b2d-4c5e-8f90-123456789abc","receivedOn":"2026-11-20","occurredOn":"2026-11-19",
                 "district":"sevenoaks","strands":[{"code":"religion","subCategory":"anti-muslim"}],
                 "incidentTypes":["verbal-abuse"],"crimeSuspected":true,"sourceOrganisationType":"housing-provider",
                 "outcomeCode":8,"repeatVictim":false,"contactTargetMet":true,
                 "classification":"hate-crime","housingOutcome":"mediation","likelyDuplicate":false,
                 "sourceOrganisation":"west-kent-housing"}
                """);
    }

    @Test
    void theReferenceDocumentIsValid() throws Exception {
        assertThat(EventSchemas.violations(SCHEMA, validFacts())).isEmpty();
    }

    @Test
    void noFieldCanHoldPersonalData() throws Exception {
        ObjectNode valid = validFacts();
        for (Iterator<Map.Entry<String, JsonNode>> fields = valid.fields(); fields.hasNext();) {
            String field = fields.next().getKey();
            for (Object value : PERSONAL_VALUES) {
                ObjectNode attempt = validFacts();
                attempt.set(field, JSON.valueToTree(value));
                assertThat(EventSchemas.violations(SCHEMA, attempt))
                        .as("field %s holding %s", field, value)
                        .isNotEmpty();
            }
        }
    }

    @Test
    void noNestedFieldCanHoldPersonalData() throws Exception {
        for (Object value : PERSONAL_VALUES) {
            ObjectNode inStrand = validFacts();
            ((ObjectNode) inStrand.withArray("strands").get(0)).set("subCategory", JSON.valueToTree(value));
            ObjectNode inTypes = validFacts();
            inTypes.withArray("incidentTypes").add(JSON.valueToTree(value));
            assertThat(EventSchemas.violations(SCHEMA, inStrand)).as("sub-category %s", value).isNotEmpty();
            assertThat(EventSchemas.violations(SCHEMA, inTypes)).as("incident type %s", value).isNotEmpty();
        }
    }

    @Test
    void noExtraFieldCanBeAdded() throws Exception {
        for (String field : List.of("victimName", "email", "phone", "address", "dateOfBirth", "narrative", "postcode")) {
            ObjectNode attempt = validFacts();
            attempt.put(field, "x");
            assertThat(EventSchemas.violations(SCHEMA, attempt)).as(field).isNotEmpty();
        }
    }
}
