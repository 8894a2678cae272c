package org.amity.sharing.adapters.persistence;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.amity.contracts.EventCodec;
import org.amity.sharing.domain.Agreement;
import org.amity.sharing.domain.Decision;
import org.amity.sharing.domain.Organisation;
import org.amity.sharing.domain.Referral;
import org.amity.sharing.domain.SharingLevel;
import org.amity.sharing.domain.SharingPorts;

/** PostgreSQL adapters of the sharing ports. */
public final class SharingRepositories {

    @ApplicationScoped
    public static class JpaAgreements implements SharingPorts.Agreements {

        @Inject
        EntityManager entityManager;

        /** The newest version of every agreement. */
        @Override
        public List<Agreement> current() {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = entityManager.createNativeQuery("""
                    select distinct on (id) id, version, title, status, effective_from, effective_to, flows::text,
                           strands::text, anonymised_allowed, identifiable_allowed, identifiable_requires_consent,
                           purposes::text, lawful_basis, anonymised_clause, identifiable_clause
                    from agreement order by id, version desc""").getResultList();
            return rows.stream().map(r -> new Agreement((UUID) r[0], (Integer) r[1], (String) r[2],
                    Agreement.AgreementStatus.valueOf((String) r[3]), instant(r[4]), instant(r[5]),
                    Arrays.asList(read((String) r[6], Agreement.Flow[].class)),
                    Arrays.asList(read((String) r[7], Agreement.StrandScope[].class)), (Boolean) r[8], (Boolean) r[9],
                    (Boolean) r[10], Set.of(read((String) r[11], String[].class)), (String) r[12], (String) r[13],
                    (String) r[14])).toList();
        }
    }

    @ApplicationScoped
    public static class JpaDirectory implements SharingPorts.Directory {

        @Inject
        EntityManager entityManager;

        @Override
        public List<Organisation> all() {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = entityManager.createNativeQuery("select alias, name, type from organisation order by alias")
                    .getResultList();
            return rows.stream().map(r -> new Organisation((String) r[0], (String) r[1], (String) r[2])).toList();
        }
    }

    @ApplicationScoped
    public static class JpaReferrals implements SharingPorts.Referrals {

        @Inject
        EntityManager entityManager;

        @Override
        public void add(Referral referral) {
            ReferralEntity row = new ReferralEntity();
            row.id = referral.id();
            row.version = referral.version();
            row.caseId = referral.caseId();
            row.recipient = referral.recipient();
            row.recipientCaseReference = referral.recipientCaseReference();
            row.level = referral.level().name();
            row.agreementId = referral.agreementId();
            row.agreementVersion = referral.agreementVersion();
            row.clause = referral.clause();
            row.consentId = referral.consentId();
            row.lawfulBasis = referral.lawfulBasis();
            row.sharedAt = referral.sharedAt();
            row.view = new String(EventCodec.bytes(referral.view()), StandardCharsets.UTF_8);
            row.sealedPersonal = referral.sealedPersonalData();
            entityManager.persist(row);
        }

        @Override
        public boolean exists(UUID caseId, String recipient) {
            return !entityManager.createQuery("select 1 from ReferralEntity r where r.caseId = :case and r.recipient = :to")
                    .setParameter("case", caseId).setParameter("to", recipient).setMaxResults(1).getResultList().isEmpty();
        }

        @Override
        public Optional<Referral> findForRecipient(UUID id, String recipient) {
            ReferralEntity row = entityManager.find(ReferralEntity.class, id);
            return row == null || !row.recipient.equals(recipient) ? Optional.empty() : Optional.of(toDomain(row));
        }

        @Override
        public List<Referral> listForRecipient(String recipient, int offset, int limit) {
            return entityManager.createQuery("from ReferralEntity r where r.recipient = :to order by r.sharedAt desc, r.id",
                    ReferralEntity.class).setParameter("to", recipient).setFirstResult(offset).setMaxResults(limit)
                    .getResultStream().map(JpaReferrals::toDomain).toList();
        }

        @Override
        public long countForRecipient(String recipient) {
            return entityManager.createQuery("select count(r) from ReferralEntity r where r.recipient = :to", Long.class)
                    .setParameter("to", recipient).getSingleResult();
        }

        private static Referral toDomain(ReferralEntity row) {
            return new Referral(row.id, row.version, row.caseId, row.recipient, row.recipientCaseReference,
                    SharingLevel.valueOf(row.level), row.agreementId, row.agreementVersion, row.clause, row.consentId,
                    row.lawfulBasis, row.sharedAt, read(row.view, Referral.View.class), row.sealedPersonal);
        }
    }

    @ApplicationScoped
    public static class JpaDecisionLog implements SharingPorts.DecisionLog {

        @Inject
        EntityManager entityManager;

        @Override
        public void record(UUID caseId, Decision decision) {
            entityManager.createNativeQuery("""
                    insert into sharing_decision (case_id, recipient, level, agreement_id, agreement_version, clause,
                                                  consent_id, lawful_basis, reason)
                    values (:case, :recipient, :level, :agreement, :version, :clause, :consent, :basis, :reason)""")
                    .setParameter("case", caseId).setParameter("recipient", decision.recipient())
                    .setParameter("level", decision.level().name()).setParameter("agreement", decision.agreementId())
                    .setParameter("version", decision.agreementVersion()).setParameter("clause", decision.clause())
                    .setParameter("consent", decision.consentId()).setParameter("basis", decision.lawfulBasis())
                    .setParameter("reason", decision.reason())
                    .executeUpdate();
        }
    }

    static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }

    static <T> T read(String json, Class<T> type) {
        return EventCodec.read(json.getBytes(StandardCharsets.UTF_8), type);
    }

    private SharingRepositories() {
    }
}
