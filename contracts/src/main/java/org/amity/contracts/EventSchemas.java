package org.amity.contracts;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.amity.contracts.analytics.TensionSpikeDetected;
import org.amity.contracts.casework.CaseActionRecorded;
import org.amity.contracts.casework.CaseAssigned;
import org.amity.contracts.casework.CaseClosed;
import org.amity.contracts.casework.CaseNoteAdded;
import org.amity.contracts.casework.CaseOpened;
import org.amity.contracts.casework.CaseOutcomeRecorded;
import org.amity.contracts.casework.CaseReopened;
import org.amity.contracts.casework.CaseStatisticsRecorded;
import org.amity.contracts.casework.CaseTriaged;
import org.amity.contracts.casework.ConsentRecorded;
import org.amity.contracts.casework.ConsentWithdrawn;
import org.amity.contracts.casework.ContactTargetMissed;
import org.amity.contracts.casework.LikelyDuplicateFlagged;
import org.amity.contracts.casework.RecipientOutcomeAttached;
import org.amity.contracts.casework.RepeatVictimisationLinked;
import org.amity.contracts.casework.RiskAssessed;
import org.amity.contracts.casework.VictimContacted;
import org.amity.contracts.intake.IncidentReported;
import org.amity.contracts.sharing.ReferralOutcomeRecorded;
import org.amity.contracts.sharing.AuditChainHeadPublished;
import org.amity.contracts.sharing.ReferralRevoked;
import org.amity.contracts.sharing.ReferralShared;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The JSON Schemas (2020-12) of the envelope and of every event's {@code data}, loaded from
 * {@code schemas/} on the classpath: the same files the AsyncAPI document points to. Each is compiled once into
 * a {@link CompiledSchema}.
 */
public final class EventSchemas {

    /** Event type to the schema file of its data, per schema version 1. */
    private static final Map<String, String> DATA_SCHEMAS = Map.ofEntries(
            Map.entry(IncidentReported.TYPE, "intake/IncidentReported.v1.schema.json"),
            Map.entry(CaseOpened.TYPE, "casework/CaseOpened.v1.schema.json"),
            Map.entry(CaseStatisticsRecorded.TYPE, "casework/CaseStatisticsRecorded.v1.schema.json"),
            casework(CaseAssigned.TYPE), casework(VictimContacted.TYPE), casework(CaseTriaged.TYPE),
            casework(RiskAssessed.TYPE), casework(CaseNoteAdded.TYPE), casework(CaseActionRecorded.TYPE),
            casework(CaseOutcomeRecorded.TYPE), casework(CaseClosed.TYPE), casework(CaseReopened.TYPE),
            casework(ContactTargetMissed.TYPE), casework(ConsentRecorded.TYPE), casework(ConsentWithdrawn.TYPE),
            casework(RepeatVictimisationLinked.TYPE), casework(LikelyDuplicateFlagged.TYPE),
            casework(RecipientOutcomeAttached.TYPE),
            Map.entry(ReferralShared.TYPE, "sharing/ReferralShared.v1.schema.json"),
            Map.entry(ReferralOutcomeRecorded.TYPE, "sharing/ReferralOutcomeRecorded.v1.schema.json"),
            Map.entry(ReferralRevoked.TYPE, "sharing/ReferralRevoked.v1.schema.json"),
            Map.entry(AuditChainHeadPublished.TYPE, "sharing/AuditChainHeadPublished.v1.schema.json"),
            Map.entry(TensionSpikeDetected.TYPE, "analytics/TensionSpikeDetected.v1.schema.json"));

    private static Map.Entry<String, String> casework(String type) {
        return Map.entry(type, "casework/" + type + ".v1.schema.json");
    }

    /** Event types meant for statistics: no personal part is allowed on them at all. */
    private static final Set<String> STATISTICS_TYPES = Set.of(CaseStatisticsRecorded.TYPE, TensionSpikeDetected.TYPE);

    private static final Map<String, CompiledSchema> LOADED = new ConcurrentHashMap<>();

    public static Set<String> eventTypes() {
        return DATA_SCHEMAS.keySet();
    }

    /** Violations of the envelope schema and, when the type is known, of its data schema; empty when valid. */
    public static List<String> violations(JsonNode event) {
        List<String> found = messages(schema("envelope.v1.schema.json"), event);
        if (!found.isEmpty()) {
            return found;
        }
        String type = event.path("eventType").asText();
        String file = DATA_SCHEMAS.get(type);
        if (file == null || event.path("schemaVersion").asInt() != 1) {
            return List.of("$.eventType: no schema for " + type + " v" + event.path("schemaVersion").asText());
        }
        List<String> dataViolations = messages(schema(file), event.path("data")).stream()
                .map(m -> m.replaceFirst("^\\$", "\\$.data"))
                .toList();
        if (STATISTICS_TYPES.contains(type) && !event.path("personal").isMissingNode() && !event.path("personal").isEmpty()) {
            return Stream.concat(dataViolations.stream(),
                    Stream.of("$.personal: a statistics event never carries personal data")).toList();
        }
        return dataViolations;
    }

    /** Violations of one schema file by a document; used by tests of the statistics schema. */
    public static List<String> violations(String schemaFile, JsonNode document) {
        return messages(schema(schemaFile), document);
    }

    private static CompiledSchema schema(String file) {
        return LOADED.computeIfAbsent(file, CompiledSchema::load);
    }

    private static List<String> messages(CompiledSchema schema, JsonNode node) {
        List<String> violations = schema.violations(node);
        return violations.isEmpty() ? violations : violations.stream().sorted().toList();
    }

    private EventSchemas() {
    }
}
