package org.amity.intake.adapters.persistence;

import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.amity.contracts.EventCodec;
import org.amity.intake.domain.Channel;
import org.amity.intake.domain.Consent;
import org.amity.intake.domain.Incident;
import org.amity.intake.domain.IncidentRepository;
import org.amity.intake.domain.Perceiver;
import org.amity.intake.domain.PersonalAccount;
import org.amity.intake.domain.PersonalDataVault;
import org.amity.intake.domain.StrandChoice;
import org.amity.intake.domain.Victim;
import org.hibernate.Session;

/** Maps incidents to rows; personal data goes in and comes out only through the vault. */
@ApplicationScoped
public class JpaIncidentRepository implements IncidentRepository {

    @Inject
    EntityManager entityManager;

    @Inject
    PersonalDataVault vault;

    @Override
    public void add(Incident incident, PersonalDataVault.Sealed sealed, String idempotencyKey, String requestHash) {
        IncidentEntity row = new IncidentEntity();
        row.id = incident.id();
        row.sourceOrganisation = incident.sourceOrganisation();
        row.sourceOrganisationType = incident.sourceOrganisationType();
        row.sourceReference = incident.sourceReference();
        row.channel = incident.channel().name();
        row.receivedAt = incident.receivedAt();
        row.reportedAt = incident.reportedAt();
        row.occurredFrom = incident.occurredFrom();
        row.occurredTo = incident.occurredTo();
        row.district = incident.district();
        row.strands = json(incident.strands());
        row.incidentTypes = json(incident.incidentTypes());
        row.crimeSuspected = incident.crimeSuspected();
        row.perceivedBy = incident.perceivedBy().name();
        row.consents = json(incident.consents());
        row.victimSubjectId = incident.victim().map(Victim::subjectId).orElse(null);
        row.victimAgeBand = incident.victimAgeBand();
        row.reporterRole = incident.personal().reporter().map(r -> r.role()).orElse(null);
        row.sealedPersonal = sealed.parts();
        row.idempotencyKey = idempotencyKey;
        row.requestHash = requestHash;
        row.publicReference = incident.publicReference();
        entityManager.persist(row);
    }

    @Override
    public Map<String, PriorRequest> findPriors(String organisation, Collection<String> idempotencyKeys) {
        if (idempotencyKeys.isEmpty()) {
            return Map.of();
        }
        // plain SQL with an array parameter: an HQL "in :list" is translated anew on every call (Hibernate does not
        // cache the interpretation of a query with a list parameter), which cost more than the rest of the lookup
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement("select idempotency_key, id, request_hash "
                    + "from incident where source_organisation = ? and idempotency_key = any (?)")) {
                select.setString(1, organisation);
                select.setArray(2, connection.createArrayOf("text", idempotencyKeys.toArray()));
                Map<String, PriorRequest> priors = new HashMap<>();
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        priors.put(row.getString(1), new PriorRequest(row.getObject(2, UUID.class), row.getString(3)));
                    }
                }
                return priors;
            }
        });
    }

    @Override
    public Optional<Incident> findOwnedBy(UUID id, String organisation) {
        IncidentEntity row = entityManager.find(IncidentEntity.class, id);
        return row == null || !row.sourceOrganisation.equals(organisation) ? Optional.empty() : Optional.of(toDomain(row));
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
        PersonalAccount opened = vault.open(new PersonalDataVault.Sealed(row.sealedPersonal));
        // the age band is kept in the clear (it is not a direct identifier); the rest comes from the sealed parts
        PersonalAccount personal = new PersonalAccount(opened.victim().map(v -> new Victim(v.subjectId(), v.name(),
                v.email(), v.phone(), v.preferredContact(), v.dateOfBirth(), row.victimAgeBand, v.address(),
                v.tenancyReference(), v.interpreterLanguage(), v.textRelay())), opened.reporter(),
                opened.perpetratorDescription(), opened.perpetratorSubjectId(), opened.narrative(), opened.postcode(),
                opened.narrativeSubjectId());
        return new Incident(row.id, row.sourceOrganisation, row.sourceOrganisationType, row.sourceReference,
                Channel.valueOf(row.channel), row.receivedAt, row.reportedAt, row.occurredFrom, row.occurredTo,
                row.district, Arrays.asList(read(row.strands, StrandChoice[].class)),
                Arrays.asList(read(row.incidentTypes, String[].class)), row.crimeSuspected,
                Perceiver.valueOf(row.perceivedBy), personal, Arrays.asList(read(row.consents, Consent[].class)),
                row.publicReference);
    }

    private static <T> T read(String json, Class<T> type) {
        return EventCodec.read(json.getBytes(StandardCharsets.UTF_8), type);
    }

    private static String json(Object value) {
        return new String(EventCodec.bytes(value), StandardCharsets.UTF_8);
    }
}
