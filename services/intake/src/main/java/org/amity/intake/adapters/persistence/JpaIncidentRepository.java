package org.amity.intake.adapters.persistence;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.amity.contracts.EventCodec;
import org.amity.contracts.personal.EncryptedPersonalData;
import org.amity.contracts.personal.PersonalDataCipher;
import org.amity.contracts.personal.VictimDetails;
import org.amity.intake.domain.Channel;
import org.amity.intake.domain.Consent;
import org.amity.intake.domain.Incident;
import org.amity.intake.domain.IncidentRepository;
import org.amity.intake.domain.Perceiver;
import org.amity.intake.domain.StrandChoice;
import org.amity.intake.domain.Victim;

/** Maps incidents to rows; seals the victim with their own key on the way in, opens it on the way out. */
@ApplicationScoped
public class JpaIncidentRepository implements IncidentRepository {

    @Inject
    EntityManager entityManager;

    @Inject
    PersonalDataCipher cipher;

    @Override
    public void add(Incident incident) {
        IncidentEntity row = new IncidentEntity();
        row.id = incident.id();
        row.sourceOrganisation = incident.sourceOrganisation();
        row.sourceOrganisationType = incident.sourceOrganisationType();
        row.sourceReference = incident.sourceReference();
        row.channel = incident.channel().name();
        row.receivedAt = incident.receivedAt();
        row.occurredFrom = incident.occurredFrom();
        row.occurredTo = incident.occurredTo();
        row.district = incident.district();
        row.strands = json(incident.strands());
        row.incidentTypes = json(incident.incidentTypes());
        row.crimeSuspected = incident.crimeSuspected();
        row.perceivedBy = incident.perceivedBy().name();
        row.consents = json(incident.consents());
        incident.victim().ifPresent(victim -> {
            row.victimSubjectId = victim.subjectId();
            row.victimAgeBand = victim.ageBand();
            VictimDetails details = new VictimDetails(victim.name(), victim.email(), victim.phone(),
                    victim.preferredContact());
            row.victimSealed = json(cipher.seal(victim.subjectId(), VictimDetails.ROLE, EventCodec.bytes(details)));
        });
        entityManager.persist(row);
    }

    @Override
    public Optional<Incident> findOwnedBy(UUID id, String organisation) {
        IncidentEntity row = entityManager.find(IncidentEntity.class, id);
        return row == null || !row.sourceOrganisation.equals(organisation) ? Optional.empty() : Optional.of(toDomain(row));
    }

    @Override
    public boolean referenceTaken(String organisation, String sourceReference) {
        return !entityManager.createQuery("select 1 from IncidentEntity i where i.sourceOrganisation = :org "
                + "and i.sourceReference = :ref")
                .setParameter("org", organisation).setParameter("ref", sourceReference)
                .setMaxResults(1).getResultList().isEmpty();
    }

    @Override
    public List<Incident> listOwnedBy(String organisation, int offset, int limit) {
        return entityManager.createQuery("from IncidentEntity i where i.sourceOrganisation = :org "
                + "order by i.receivedAt desc, i.id", IncidentEntity.class)
                .setParameter("org", organisation)
                .setFirstResult(offset).setMaxResults(limit)
                .getResultStream().map(this::toDomain).toList();
    }

    @Override
    public long countOwnedBy(String organisation) {
        return entityManager.createQuery("select count(i) from IncidentEntity i where i.sourceOrganisation = :org",
                Long.class).setParameter("org", organisation).getSingleResult();
    }

    private Incident toDomain(IncidentEntity row) {
        Optional<Victim> victim = Optional.ofNullable(row.victimSealed).map(sealed -> {
            EncryptedPersonalData part = EventCodec.read(sealed.getBytes(), EncryptedPersonalData.class);
            // an erased subject (key destroyed) reads as a victim with no details
            VictimDetails details = cipher.open(part).map(b -> EventCodec.read(b, VictimDetails.class))
                    .orElse(new VictimDetails(null, null, null, null));
            return new Victim(row.victimSubjectId, details.name(), details.email(), details.phone(),
                    details.preferredContact(), row.victimAgeBand);
        });
        return new Incident(row.id, row.sourceOrganisation, row.sourceOrganisationType, row.sourceReference,
                Channel.valueOf(row.channel), row.receivedAt, row.occurredFrom, row.occurredTo, row.district,
                Arrays.asList(EventCodec.read(row.strands.getBytes(), StrandChoice[].class)),
                Arrays.asList(EventCodec.read(row.incidentTypes.getBytes(), String[].class)),
                row.crimeSuspected, Perceiver.valueOf(row.perceivedBy), victim,
                Arrays.asList(EventCodec.read(row.consents.getBytes(), Consent[].class)));
    }

    private static String json(Object value) {
        return new String(EventCodec.bytes(value), java.nio.charset.StandardCharsets.UTF_8);
    }
}
