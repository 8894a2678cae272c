package org.amity.casework;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.amity.contracts.ConsentChoice;
import org.amity.contracts.DataProtectionScope;
import org.amity.contracts.EventCodec;
import org.amity.contracts.EventEnvelope;
import org.amity.contracts.Strand;
import org.amity.contracts.intake.IncidentReported;
import org.amity.contracts.personal.EncryptedPersonalData;
import org.amity.contracts.personal.PersonalDataCipher;
import org.amity.contracts.personal.VictimDetails;

/** Crafted events for the case service's tests. */
public final class CaseFixtures {

    /** An organisation reporting, with its type as intake names it. */
    public record Source(String organisation, String type) {
    }

    public static final Source HOUSING = new Source("west-kent-housing", "housing-provider");
    public static final Source POLICE = new Source("kent-police", "police");
    public static final Source TELL_MAMA = new Source("tell-mama", "third-party-reporting-centre");

    /** An {@code IncidentReported}; with a victim when {@code victim} is given (sealed under a fresh subject). */
    public static EventEnvelope incident(Source source, Instant receivedAt, Instant occurredAt, String district,
            VictimDetails victim, PersonalDataCipher cipher) {
        UUID incidentId = UUID.randomUUID();
        UUID subject = victim == null ? null : UUID.randomUUID();
        List<EncryptedPersonalData> personal = victim == null ? List.of()
                : List.of(cipher.seal(subject, VictimDetails.ROLE, EventCodec.bytes(victim)));
        IncidentReported data = new IncidentReported(incidentId, source.organisation(), source.type(), null,
                "machine-api", receivedAt, occurredAt, null, district, List.of(new Strand("religion", "anti-muslim")),
                List.of("verbal-abuse"), true, "victim", victim == null, null, subject,
                victim == null ? List.of() : List.of(new ConsentChoice(UUID.randomUUID(), 1, "kent-police", null,
                        "investigation", "identifiable", "verbal", source.organisation(), receivedAt)),
                null, null, null, null, null);
        return EventCodec.newEvent(IncidentReported.TYPE, 1, incidentId.toString(), UUID.randomUUID(), "intake",
                DataProtectionScope.of("case-management", "uk-gdpr-6-1-e"), data, personal);
    }

    public static UUID incidentId(EventEnvelope event) {
        return EventCodec.data(event, IncidentReported.class).incidentId();
    }

    private CaseFixtures() {
    }
}
