package org.amity.sharing.adapters.persistence;

import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.amity.contracts.EventCodec;
import org.hibernate.Session;
import org.amity.sharing.domain.Agreement;
import org.amity.sharing.domain.AuditChain;
import org.amity.sharing.domain.AuditEntry;
import org.amity.sharing.domain.CaseFacts;
import org.amity.sharing.domain.Organisation;
import org.amity.sharing.domain.Partner;
import org.amity.sharing.domain.Referral;
import org.amity.sharing.domain.SharingPorts;

/**
 * PostgreSQL adapters of the sharing ports. Aggregates are stored as JSON documents beside the columns that queries
 * need; nothing here is put on the wire.
 */
public final class SharingRepositories {

    static final PerTransaction.Key<List<Agreement>> CURRENT_AGREEMENTS = new PerTransaction.Key<>("current agreements");
    static final PerTransaction.Key<List<Organisation>> DIRECTORY = new PerTransaction.Key<>("directory");
    static final PerTransaction.Key<Optional<AuditEntry>> AUDIT_HEAD = new PerTransaction.Key<>("audit head");
    static final PerTransaction.Key<Boolean> CHAIN_LOCKED = new PerTransaction.Key<>("audit chain locked");

    /** The audit chain's lock, taken once per transaction and held until it ends. */
    static void lockChain(EntityManager em, TransactionSynchronizationRegistry transaction) {
        PerTransaction.get(transaction, CHAIN_LOCKED, () -> {
            em.createNativeQuery("select pg_advisory_xact_lock(7351001)").getSingleResult();
            return Boolean.TRUE;
        });
    }

    @ApplicationScoped
    public static class JpaAgreements implements SharingPorts.Agreements {

        @Inject
        EntityManager em;

        @Inject
        TransactionSynchronizationRegistry transaction;

        /** Read once per transaction (a consumer's batch decides hundreds of cases against the same agreements). */
        @Override
        public List<Agreement> current() {
            return PerTransaction.get(transaction, CURRENT_AGREEMENTS, () -> documents(em.createNativeQuery(
                    "select distinct on (id) document::text from agreement_version order by id, version desc"),
                    Agreement.class));
        }

        @Override
        public Optional<Agreement> lockCurrent(UUID id) {
            em.createNativeQuery("select pg_advisory_xact_lock(hashtext(cast(:id as text)))").setParameter("id", id.toString())
                    .getSingleResult();
            return documents(em.createNativeQuery(
                    "select document::text from agreement_version where id = :id order by version desc limit 1")
                    .setParameter("id", id), Agreement.class).stream().findFirst();
        }

        @Override
        public Optional<Agreement> version(UUID id, int version) {
            return documents(em.createNativeQuery(
                    "select document::text from agreement_version where id = :id and version = :v")
                    .setParameter("id", id).setParameter("v", version), Agreement.class).stream().findFirst();
        }

        @Override
        public List<Agreement> versions(UUID id) {
            return documents(em.createNativeQuery(
                    "select document::text from agreement_version where id = :id order by version")
                    .setParameter("id", id), Agreement.class);
        }

        @Override
        public void add(Agreement a) {
            PerTransaction.forget(transaction, CURRENT_AGREEMENTS);
            em.createNativeQuery("""
                    insert into agreement_version (id, version, status, effective_to, parties, document)
                    values (:id, :version, :status, :to, cast(:parties as text[]), cast(:doc as jsonb))""")
                    .setParameter("id", a.id()).setParameter("version", a.version())
                    .setParameter("status", a.status().name()).setParameter("to", a.effectiveTo())
                    .setParameter("parties", "{" + String.join(",", a.parties().stream()
                            .map(Agreement.Party::organisation).toList()) + "}")
                    .setParameter("doc", json(a)).executeUpdate();
        }
    }

    @ApplicationScoped
    public static class JpaDirectory implements SharingPorts.Directory {

        @Inject
        EntityManager em;

        @Inject
        TransactionSynchronizationRegistry transaction;

        /** Read once per transaction, like the agreements. */
        @Override
        public List<Organisation> all() {
            return PerTransaction.get(transaction, DIRECTORY, () -> {
                @SuppressWarnings("unchecked")
                List<Object[]> rows = em.createNativeQuery(
                        "select alias, name, type from organisation where enabled order by alias").getResultList();
                return rows.stream().map(r -> new Organisation((String) r[0], (String) r[1], (String) r[2])).toList();
            });
        }

        @Override
        public boolean exists(String alias) {
            return !em.createNativeQuery("select 1 from organisation where alias = :alias").setParameter("alias", alias)
                    .getResultList().isEmpty();
        }

        @Override
        public void add(Partner p, String onboardedBy) {
            PerTransaction.forget(transaction, DIRECTORY);
            em.createNativeQuery("""
                    insert into organisation (alias, name, type, strands, contact, onboarded_by, enabled)
                    values (:alias, :name, :type, cast(:strands as jsonb), :contact, :by, true)""")
                    .setParameter("alias", p.alias()).setParameter("name", p.name()).setParameter("type", p.type())
                    .setParameter("strands", json(p.strands())).setParameter("contact", p.contact())
                    .setParameter("by", onboardedBy).executeUpdate();
        }

        @Override
        public boolean disable(String alias, String onboardedBy) {
            PerTransaction.forget(transaction, DIRECTORY);
            return em.createNativeQuery(
                    "update organisation set enabled = false where alias = :alias and onboarded_by = :by and enabled")
                    .setParameter("alias", alias).setParameter("by", onboardedBy).executeUpdate() == 1;
        }
    }

    @ApplicationScoped
    public static class JpaCases implements SharingPorts.Cases {

        @Inject
        EntityManager em;

        @Override
        public Optional<CaseFacts> lock(UUID caseId) {
            return documents(em.createNativeQuery("select facts::text from shared_case where case_id = :id for update")
                    .setParameter("id", caseId), CaseFacts.class).stream().findFirst();
        }

        @Override
        public void save(CaseFacts facts) {
            em.createNativeQuery("""
                    insert into shared_case (case_id, owner, facts, updated_at) values (:id, :owner, cast(:facts as jsonb), now())
                    on conflict (case_id) do update set facts = excluded.facts, updated_at = excluded.updated_at""")
                    .setParameter("id", facts.caseId()).setParameter("owner", facts.ownerOrganisation())
                    .setParameter("facts", json(facts)).executeUpdate();
        }

        /** One statement for all: the rows it inserts are the new cases (a known case conflicts and is skipped). */
        @Override
        public List<CaseFacts> addNew(List<CaseFacts> facts) {
            Map<UUID, CaseFacts> byId = new LinkedHashMap<>();
            facts.forEach(f -> byId.putIfAbsent(f.caseId(), f));
            Set<UUID> inserted = new HashSet<>();
            em.unwrap(Session.class).doWork(connection -> {
                try (PreparedStatement insert = connection.prepareStatement("insert into shared_case (case_id, owner, "
                        + "facts, updated_at) select i, o, f::jsonb, now() from unnest(?::uuid[], ?::text[], ?::text[]) "
                        + "as r(i, o, f) on conflict (case_id) do nothing returning case_id")) {
                    insert.setArray(1, connection.createArrayOf("uuid", byId.keySet().toArray()));
                    insert.setArray(2, connection.createArrayOf("text",
                            byId.values().stream().map(CaseFacts::ownerOrganisation).toArray()));
                    insert.setArray(3, connection.createArrayOf("text", byId.values().stream().map(f -> json(f)).toArray()));
                    try (ResultSet rows = insert.executeQuery()) {
                        while (rows.next()) {
                            inserted.add(rows.getObject(1, UUID.class));
                        }
                    }
                }
            });
            return byId.values().stream().filter(f -> inserted.contains(f.caseId())).toList();
        }

        @Override
        @SuppressWarnings("unchecked")
        public List<UUID> ownedBy(Collection<String> owners) {
            if (owners.isEmpty()) {
                return List.of();
            }
            return em.createNativeQuery("select case_id from shared_case where owner in (:owners) order by case_id")
                    .setParameter("owners", owners).getResultList();
        }
    }

    @ApplicationScoped
    public static class JpaReferrals implements SharingPorts.Referrals {

        @Inject
        EntityManager em;

        @Override
        public void add(Referral r) {
            em.createNativeQuery("""
                    insert into referral (id, case_id, recipient, status, level, agreement_id, ack_due_by, shared_at, document)
                    values (:id, :case, :recipient, :status, :level, :agreement, :due, :shared, cast(:doc as jsonb))""")
                    .setParameter("id", r.id()).setParameter("case", r.caseId()).setParameter("recipient", r.recipient())
                    .setParameter("status", r.status().name()).setParameter("level", r.level().name())
                    .setParameter("agreement", r.agreementId()).setParameter("due", r.acknowledgeDueBy())
                    .setParameter("shared", r.sharedAt()).setParameter("doc", json(r)).executeUpdate();
        }

        @Override
        public void update(Referral r) {
            em.createNativeQuery("update referral set status = :status, document = cast(:doc as jsonb) where id = :id")
                    .setParameter("id", r.id()).setParameter("status", r.status().name()).setParameter("doc", json(r))
                    .executeUpdate();
        }

        @Override
        public List<Referral> liveForCase(UUID caseId) {
            return documents(em.createNativeQuery(
                    "select document::text from referral where case_id = :case and status <> 'REVOKED' for update")
                    .setParameter("case", caseId), Referral.class);
        }

        @Override
        public Optional<Referral> lockForRecipient(UUID id, String recipient) {
            return documents(em.createNativeQuery(
                    "select document::text from referral where id = :id and recipient = :to for update")
                    .setParameter("id", id).setParameter("to", recipient), Referral.class).stream().findFirst();
        }

        @Override
        public Optional<Referral> findForRecipient(UUID id, String recipient) {
            return findAllForRecipient(List.of(id), recipient).stream().findFirst();
        }

        @Override
        public List<Referral> findAllForRecipient(Collection<UUID> ids, String recipient) {
            if (ids.isEmpty()) {
                return List.of();
            }
            List<String> documents = new ArrayList<>();
            em.unwrap(Session.class).doWork(connection -> {
                try (PreparedStatement select = connection.prepareStatement(
                        "select document::text from referral where id = any (?) and recipient = ?")) {
                    select.setArray(1, connection.createArrayOf("uuid", ids.toArray()));
                    select.setString(2, recipient);
                    try (ResultSet rows = select.executeQuery()) {
                        while (rows.next()) {
                            documents.add(rows.getString(1));
                        }
                    }
                }
            });
            return documents.stream().map(d -> EventCodec.read(d.getBytes(StandardCharsets.UTF_8), Referral.class))
                    .toList();
        }

        @Override
        public List<Referral> list(String recipient, SharingPorts.InboxFilter filter, int offset, int limit) {
            Query q = filtered("select document::text", recipient, filter,
                    " order by shared_at desc, id offset :offset limit :limit");
            return documents(q.setParameter("offset", offset).setParameter("limit", limit), Referral.class);
        }

        @Override
        public long count(String recipient, SharingPorts.InboxFilter filter) {
            return ((Number) filtered("select count(*)", recipient, filter, "").getSingleResult()).longValue();
        }

        private Query filtered(String select, String recipient, SharingPorts.InboxFilter f, String tail) {
            StringBuilder sql = new StringBuilder(select).append(" from referral where recipient = :to");
            if (f.status() != null) {
                sql.append(" and status = :status");
            }
            if (f.level() != null) {
                sql.append(" and level = :level");
            }
            if (f.overdueOnly()) {
                sql.append(" and status = 'SHARED' and ack_due_by <= :now");
            }
            Query q = em.createNativeQuery(sql.append(tail).toString()).setParameter("to", recipient);
            if (f.status() != null) {
                q.setParameter("status", f.status().name());
            }
            if (f.level() != null) {
                q.setParameter("level", f.level().name());
            }
            if (f.overdueOnly()) {
                q.setParameter("now", f.now());
            }
            return q;
        }
    }

    @ApplicationScoped
    public static class JpaFeed implements SharingPorts.Feed {

        @Inject
        EntityManager em;

        @Inject
        TransactionSynchronizationRegistry transaction;

        /**
         * Appends under the audit chain's lock (held until commit): feed items then get their cursors in the order
         * their transactions commit, so a partner reading forward from its cursor can never pass an item that was
         * still being written (a cursor taken by a transaction that commits after a later one would be skipped).
         */
        @Override
        public void append(String recipient, UUID referralId, int referralVersion, SharingPorts.FeedKind kind, Instant at) {
            lockChain(em, transaction);
            em.createNativeQuery("""
                    insert into feed_item (recipient, referral_id, referral_version, kind, at)
                    values (:to, :referral, :version, :kind, :at)""")
                    .setParameter("to", recipient).setParameter("referral", referralId)
                    .setParameter("version", referralVersion).setParameter("kind", kind.name()).setParameter("at", at)
                    .executeUpdate();
        }

        @Override
        public List<SharingPorts.FeedItem> after(String recipient, long cursor, int limit) {
            return items(em.createNativeQuery("""
                    select cursor, recipient, referral_id, referral_version, kind, at, processed_at, deletion_confirmed_at
                    from feed_item where recipient = :to and cursor > :after order by cursor limit :limit""")
                    .setParameter("to", recipient).setParameter("after", cursor).setParameter("limit", limit));
        }

        @Override
        public Optional<SharingPorts.FeedItem> lock(String recipient, long cursor) {
            return items(em.createNativeQuery("""
                    select cursor, recipient, referral_id, referral_version, kind, at, processed_at, deletion_confirmed_at
                    from feed_item where recipient = :to and cursor = :cursor for update""")
                    .setParameter("to", recipient).setParameter("cursor", cursor)).stream().findFirst();
        }

        @Override
        public void processed(long cursor, Instant at, boolean deletionConfirmed) {
            em.createNativeQuery("""
                    update feed_item set processed_at = coalesce(processed_at, :at),
                           deletion_confirmed_at = case when :deleted then coalesce(deletion_confirmed_at, :at)
                                                        else deletion_confirmed_at end
                    where cursor = :cursor""")
                    .setParameter("at", at).setParameter("deleted", deletionConfirmed).setParameter("cursor", cursor)
                    .executeUpdate();
        }

        @SuppressWarnings("unchecked")
        private static List<SharingPorts.FeedItem> items(Query q) {
            List<Object[]> rows = q.getResultList();
            return rows.stream().map(r -> new SharingPorts.FeedItem(((Number) r[0]).longValue(), (String) r[1],
                    (UUID) r[2], ((Number) r[3]).intValue(), SharingPorts.FeedKind.valueOf((String) r[4]), instant(r[5]),
                    instant(r[6]), instant(r[7]))).toList();
        }
    }

    @ApplicationScoped
    public static class JpaAuditLog implements SharingPorts.AuditLog {

        static final String COLUMNS = "sequence, at, action, actor, actor_organisation, case_id, case_owner, referral_id, "
                + "recipient, why, previous_hash, hash";

        @Inject
        EntityManager em;

        @Inject
        TransactionSynchronizationRegistry transaction;

        /**
         * Appends under a transaction-scoped lock, so that entries are chained one after the other. The lock is taken
         * and the head read once per transaction: while this transaction holds the lock nobody else appends, so the
         * head it wrote last is the head.
         */
        @Override
        public AuditEntry append(AuditEntry.Draft draft, Instant at) {
            Optional<AuditEntry> known = PerTransaction.find(transaction, AUDIT_HEAD);
            AuditEntry previous;
            if (known != null) {
                previous = known.orElse(null);
            } else {
                lockChain(em, transaction);
                previous = head().orElse(null);
            }
            AuditEntry entry = AuditEntry.chain(previous == null ? 1 : previous.sequence() + 1,
                    at.truncatedTo(java.time.temporal.ChronoUnit.MILLIS), draft,
                    previous == null ? AuditChain.GENESIS : previous.hash());
            List<AuditEntry> collected = collecting.get();
            if (collected != null) {
                collected.add(entry);
            } else {
                write(List.of(entry));
            }
            PerTransaction.put(transaction, AUDIT_HEAD, Optional.of(entry));
            return entry;
        }

        /** The entries appended inside {@link #collecting} on this thread (a transaction belongs to one thread). */
        private final ThreadLocal<List<AuditEntry>> collecting = new ThreadLocal<>();

        @Override
        public void collecting(Runnable work) {
            if (collecting.get() != null) {
                work.run();
                return;
            }
            List<AuditEntry> entries = new ArrayList<>();
            collecting.set(entries);
            try {
                work.run();
            } finally {
                collecting.remove();
            }
            write(entries);
        }

        private void write(List<AuditEntry> entries) {
            if (entries.isEmpty()) {
                return;
            }
            em.unwrap(Session.class).doWork(connection -> {
                try (PreparedStatement insert = connection.prepareStatement("insert into audit_entry (" + COLUMNS
                        + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    for (AuditEntry e : entries) {
                        insert.setLong(1, e.sequence());
                        insert.setObject(2, e.at().atOffset(java.time.ZoneOffset.UTC));
                        insert.setString(3, e.action());
                        insert.setString(4, e.actor());
                        insert.setString(5, e.actorOrganisation());
                        insert.setObject(6, e.caseId());
                        insert.setString(7, e.caseOwner());
                        insert.setObject(8, e.referralId());
                        insert.setString(9, e.recipient());
                        insert.setString(10, e.why());
                        insert.setString(11, e.previousHash());
                        insert.setString(12, e.hash());
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
            });
        }

        @Override
        public List<AuditEntry> forCase(UUID caseId, String organisation) {
            return entries(em.createNativeQuery("select " + COLUMNS + " from audit_entry where case_id = :case"
                    + " and (case_owner = :org or recipient = :org or actor_organisation = :org) order by sequence")
                    .setParameter("case", caseId).setParameter("org", organisation));
        }

        @Override
        public List<AuditEntry> all() {
            return entries(em.createNativeQuery("select " + COLUMNS + " from audit_entry order by sequence"));
        }

        @Override
        public Optional<AuditEntry> head() {
            return entries(em.createNativeQuery("select " + COLUMNS + " from audit_entry order by sequence desc limit 1"))
                    .stream().findFirst();
        }

        @Override
        public boolean markHeadPublished(AuditEntry head, Instant at) {
            return em.createNativeQuery("""
                    insert into audit_head_published (sequence, hash, published_at) values (:seq, :hash, :at)
                    on conflict (sequence) do nothing""")
                    .setParameter("seq", head.sequence()).setParameter("hash", head.hash()).setParameter("at", at)
                    .executeUpdate() == 1;
        }

        @Override
        public Optional<AuditChain.PublishedHead> lastPublishedHead() {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery(
                    "select sequence, hash from audit_head_published order by sequence desc limit 1").getResultList();
            return rows.stream().findFirst()
                    .map(r -> new AuditChain.PublishedHead(((Number) r[0]).longValue(), ((String) r[1]).trim()));
        }

        @SuppressWarnings("unchecked")
        private static List<AuditEntry> entries(Query q) {
            List<Object[]> rows = q.getResultList();
            List<AuditEntry> out = new ArrayList<>(rows.size());
            for (Object[] r : rows) {
                out.add(new AuditEntry(((Number) r[0]).longValue(), instant(r[1]), (String) r[2], (String) r[3],
                        (String) r[4], (UUID) r[5], (String) r[6], (UUID) r[7], (String) r[8], (String) r[9],
                        ((String) r[10]).trim(), ((String) r[11]).trim()));
            }
            return out;
        }
    }

    static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }

    static String json(Object value) {
        return new String(EventCodec.bytes(value), StandardCharsets.UTF_8);
    }

    @SuppressWarnings("unchecked")
    static <T> List<T> documents(Query q, Class<T> type) {
        List<String> rows = q.getResultList();
        return rows.stream().map(s -> EventCodec.read(s.getBytes(StandardCharsets.UTF_8), type)).toList();
    }

    private SharingRepositories() {
    }
}
