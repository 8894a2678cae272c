package org.amity.casework.adapters.persistence;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.amity.casework.domain.Case;
import org.amity.casework.domain.CaseRepository;
import org.amity.casework.domain.CaseStatus;
import org.amity.casework.domain.Consent;
import org.amity.contracts.EventCodec;

@ApplicationScoped
public class JpaCaseRepository implements CaseRepository {

    @Inject
    EntityManager entityManager;

    @Override
    public void add(Case opened) {
        CaseEntity row = new CaseEntity();
        row.id = opened.id();
        row.incidentId = opened.incidentId();
        row.ownerOrganisation = opened.ownerOrganisation();
        row.ownerOrganisationType = opened.ownerOrganisationType();
        row.status = opened.status().name();
        row.receivedAt = opened.receivedAt();
        row.contactDueBy = opened.contactDueBy();
        row.occurredFrom = opened.occurredFrom();
        row.occurredTo = opened.occurredTo();
        row.district = opened.district();
        row.strands = json(opened.strands());
        row.incidentTypes = json(opened.incidentTypes());
        row.crimeSuspected = opened.crimeSuspected();
        row.perceivedBy = opened.perceivedBy();
        row.anonymous = opened.anonymous();
        row.victimAgeBand = opened.victimAgeBand();
        row.victimSubjectId = opened.victimSubjectId();
        row.consents = json(opened.consents());
        row.sealedPersonal = opened.sealedPersonalData();
        row.statisticsKey = opened.statisticsKey();
        entityManager.persist(row);
    }

    @Override
    public boolean existsForIncident(UUID incidentId) {
        return !entityManager.createQuery("select 1 from CaseEntity c where c.incidentId = :incident")
                .setParameter("incident", incidentId).setMaxResults(1).getResultList().isEmpty();
    }

    @Override
    public Optional<Case> findOwnedBy(UUID id, String organisation) {
        CaseEntity row = entityManager.find(CaseEntity.class, id);
        return row == null || !row.ownerOrganisation.equals(organisation) ? Optional.empty() : Optional.of(toDomain(row));
    }

    @Override
    public List<Case> listOwnedBy(String organisation, int offset, int limit) {
        return entityManager.createQuery("from CaseEntity c where c.ownerOrganisation = :org "
                + "order by c.receivedAt desc, c.id", CaseEntity.class)
                .setParameter("org", organisation).setFirstResult(offset).setMaxResults(limit)
                .getResultStream().map(JpaCaseRepository::toDomain).toList();
    }

    @Override
    public long countOwnedBy(String organisation) {
        return entityManager.createQuery("select count(c) from CaseEntity c where c.ownerOrganisation = :org", Long.class)
                .setParameter("org", organisation).getSingleResult();
    }

    private static Case toDomain(CaseEntity row) {
        return new Case(row.id, row.incidentId, row.ownerOrganisation, row.ownerOrganisationType,
                CaseStatus.valueOf(row.status), row.receivedAt, row.contactDueBy, row.occurredFrom, row.occurredTo,
                row.district, Arrays.asList(read(row.strands, Case.StrandCode[].class)),
                Arrays.asList(read(row.incidentTypes, String[].class)), row.crimeSuspected, row.perceivedBy,
                row.anonymous, row.victimAgeBand, row.victimSubjectId, Arrays.asList(read(row.consents, Consent[].class)),
                row.sealedPersonal, row.statisticsKey);
    }

    private static <T> T read(String json, Class<T> type) {
        return EventCodec.read(json.getBytes(StandardCharsets.UTF_8), type);
    }

    private static String json(Object value) {
        return new String(EventCodec.bytes(value), StandardCharsets.UTF_8);
    }
}
