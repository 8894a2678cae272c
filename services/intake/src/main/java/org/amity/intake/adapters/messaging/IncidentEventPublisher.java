package org.amity.intake.adapters.messaging;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.amity.common.messaging.Outbox;
import org.amity.contracts.ConsentChoice;
import org.amity.contracts.DataProtectionScope;
import org.amity.contracts.EventCodec;
import org.amity.contracts.Strand;
import org.amity.contracts.Topics;
import org.amity.contracts.intake.IncidentReported;
import org.amity.intake.domain.Incident;
import org.amity.intake.domain.IncidentEvents;
import org.amity.intake.adapters.personal.SealedPersonalAccounts;
import org.amity.intake.domain.PersonalAccount;
import org.amity.intake.domain.PersonalDataVault;
import org.amity.intake.domain.Reporter;
import org.amity.intake.domain.Victim;

/** Translates domain facts into contract events and appends them to the outbox. */
@ApplicationScoped
public class IncidentEventPublisher implements IncidentEvents {

    static final String SOURCE = "intake";
    /** Receiving and recording the report: the task of the reporting organisation (UK GDPR Art 6(1)(e)). */
    static final String LAWFUL_BASIS = "uk-gdpr-6-1-e";

    @Inject
    Outbox outbox;

    @Override
    public void reportedAll(List<Incident> incidents, List<PersonalDataVault.Sealed> sealed, List<UUID> correlationIds) {
        outbox.collecting(() -> {
            for (int i = 0; i < incidents.size(); i++) {
                reported(incidents.get(i), sealed.get(i), correlationIds.get(i));
            }
        });
    }

    @Override
    public void reported(Incident incident, PersonalDataVault.Sealed sealed, UUID correlationId) {
        PersonalAccount personal = incident.personal();
        IncidentReported data = new IncidentReported(incident.id(), incident.sourceOrganisation(),
                incident.sourceOrganisationType(), incident.sourceReference(),
                incident.channel().name().toLowerCase().replace('_', '-'), incident.receivedAt(),
                incident.occurredFrom(), incident.occurredTo(), incident.district(),
                incident.strands().stream().map(s -> new Strand(s.code(), s.subCategory())).toList(),
                incident.incidentTypes(), incident.crimeSuspected(), incident.perceivedBy().name().toLowerCase(),
                incident.anonymous(), incident.victimAgeBand(), incident.victim().map(Victim::subjectId).orElse(null),
                incident.consents().stream().map(c -> new ConsentChoice(c.id(), 1, c.recipientOrganisation(),
                        c.recipientType(), c.purpose(), c.level(), c.method(), c.recordedBy(), c.givenAt())).toList(),
                incident.reportedAt(), personal.reporter().map(Reporter::role).orElse(null),
                personal.reporter().map(Reporter::subjectId).orElse(null), personal.perpetratorSubjectId(),
                personal.narrativeSubjectId());
        outbox.append(Topics.INTAKE_INCIDENT_V1, EventCodec.newEvent(IncidentReported.TYPE, IncidentReported.VERSION,
                incident.id().toString(), correlationId, SOURCE,
                DataProtectionScope.of("case-management", LAWFUL_BASIS), data, SealedPersonalAccounts.parts(sealed)));
    }
}
