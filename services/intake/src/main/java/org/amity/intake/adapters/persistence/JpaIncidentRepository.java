package org.amity.intake.adapters.persistence;

import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
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

    /**
     * Plain JDBC on the transaction's connection: persisting an entity only to insert it cost Hibernate's
     * persist, dirty tracking and flush on every report, more than the insert itself. One JDBC batch for many.
     */
    private static final String INSERT = "insert into incident (id, source_organisation, source_organisation_type, "
            + "source_reference, channel, received_at, reported_at, occurred_from, occurred_to, district, strands, "
            + "incident_types, crime_suspected, perceived_by, consents, victim_subject_id, victim_age_band, "
            + "reporter_role, sealed_personal, idempotency_key, request_hash, public_reference) "
            + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?, ?::jsonb, ?, ?, ?, ?::jsonb, ?, ?, ?)";

    @Override
    public void addAll(List<Accepted> accepted) {
        if (accepted.isEmpty()) {
            return;
        }
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                for (Accepted one : accepted) {
                    bind(insert, one);
                    if (accepted.size() > 1) {
                        insert.addBatch();
                    }
                }
                if (accepted.size() > 1) {
                    insert.executeBatch();
                } else {
                    insert.executeUpdate();
                }
            }
        });
    }

    private static void bind(PreparedStatement insert, Accepted accepted) throws SQLException {
        Incident incident = accepted.incident();
        insert.setObject(1, incident.id());
        insert.setString(2, incident.sourceOrganisation());
        insert.setString(3, incident.sourceOrganisationType());
        insert.setString(4, incident.sourceReference());
        insert.setString(5, incident.channel().name());
        instant(insert, 6, incident.receivedAt());
        instant(insert, 7, incident.reportedAt());
        instant(insert, 8, incident.occurredFrom());
        instant(insert, 9, incident.occurredTo());
        insert.setString(10, incident.district());
        insert.setString(11, json(incident.strands()));
        insert.setString(12, json(incident.incidentTypes()));
        insert.setBoolean(13, incident.crimeSuspected());
        insert.setString(14, incident.perceivedBy().name());
        insert.setString(15, json(incident.consents()));
        UUID victim = incident.victim().map(Victim::subjectId).orElse(null);
        if (victim == null) {
            insert.setNull(16, Types.OTHER);
        } else {
            insert.setObject(16, victim);
        }
        insert.setString(17, incident.victimAgeBand());
        insert.setString(18, incident.personal().reporter().map(r -> r.role()).orElse(null));
        insert.setString(19, accepted.sealed().parts());
        insert.setString(20, accepted.idempotencyKey());
        insert.setString(21, accepted.requestHash());
        insert.setString(22, incident.publicReference());
    }

    private static void instant(PreparedStatement insert, int index, Instant value) throws SQLException {
        if (value == null) {
            insert.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            insert.setObject(index, value.atOffset(ZoneOffset.UTC));
        }
    }

    @Override
    public Map<String, PriorRequest> findPriors(String organisation, Collection<String> idempotencyKeys) {
        if (idempotencyKeys.isEmpty()) {
            return Map.of();
        }
        // plain SQL with an array parameter: an HQL "in :list" is translated anew on every call (Hibernate does not
        // cache the interpretation of a query with a list parameter), which cost more than the rest of the lookup
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            boolean one = idempotencyKeys.size() == 1;
            try (PreparedStatement select = connection.prepareStatement("select idempotency_key, id, request_hash "
                    + "from incident where source_organisation = ? and idempotency_key "
                    + (one ? "= ?" : "= any (?)"))) {
                select.setString(1, organisation);
                if (one) {
                    select.setString(2, idempotencyKeys.iterator().next());
                } else {
                    select.setArray(2, connection.createArrayOf("text", idempotencyKeys.toArray()));
                }
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

    /**
     * {@code count(*)}, not {@code count(i)}: counting the id made PostgreSQL read every row of the organisation,
     * where counting rows reads only the organisation's index (index-only scan): 55 → 21-27 ms at 134,000 reports.
     */
    @Override
    public long countOwnedBy(String organisation) {
        return entityManager.createQuery("select count(*) from IncidentEntity i where i.sourceOrganisation = :org",
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
