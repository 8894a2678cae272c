package org.amity.casework.adapters.persistence;

import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
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
import jakarta.persistence.LockModeType;
import jakarta.persistence.Query;

import org.amity.casework.domain.Case;
import org.amity.casework.domain.CaseChange;
import org.amity.casework.domain.CaseFilter;
import org.amity.casework.domain.CaseRepository;
import org.amity.casework.domain.CaseStatus;
import org.amity.casework.domain.Classification;
import org.amity.casework.domain.Consent;
import org.amity.casework.domain.Matching;
import org.amity.casework.domain.Outcome;
import org.amity.casework.domain.RiskLevel;
import org.amity.casework.domain.Work;
import org.amity.contracts.EventCodec;
import org.hibernate.Session;

/**
 * Cases in {@code case_file} (mapped), and around them, through SQL: consent versions ({@code case_consent},
 * append-only), match keys, links and history.
 */
@ApplicationScoped
public class JpaCaseRepository implements CaseRepository {

    @Inject
    EntityManager entityManager;

    @Override
    public void addAll(List<Case> opened) {
        for (Case c : opened) {
            CaseEntity row = new CaseEntity();
            row.id = c.id();
            row.incidentId = c.incidentId();
            row.ownerOrganisation = c.ownerOrganisation();
            row.ownerOrganisationType = c.ownerOrganisationType();
            row.receivedAt = c.receivedAt();
            row.contactDueBy = c.contactDueBy();
            row.occurredFrom = c.occurredFrom();
            row.occurredTo = c.occurredTo();
            row.district = c.district();
            row.incidentTypes = json(c.incidentTypes());
            row.crimeSuspected = c.crimeSuspected();
            row.perceivedBy = c.perceivedBy();
            row.anonymous = c.anonymous();
            row.victimAgeBand = c.victimAgeBand();
            row.victimSubjectId = c.victimSubjectId();
            row.sealedPersonal = c.sealedPersonalData();
            row.statisticsKey = c.statisticsKey();
            write(c, row);
            entityManager.persist(row);
        }
        entityManager.flush(); // the rows the statements below refer to, in JDBC batches
        batch(CONSENT_INSERT, opened.stream().flatMap(c -> c.consents().stream().map(v -> new CaseConsent(c.id(), v)))
                .toList(), (insert, cc) -> bindConsent(insert, cc.caseId(), cc.consent()));
    }

    private record CaseConsent(UUID caseId, Consent consent) {
    }

    @Override
    public void update(Case after, CaseChange change) {
        write(after, entityManager.find(CaseEntity.class, after.id()));
        switch (change) {
            case CaseChange.ConsentRecorded recorded -> addConsent(after.id(), recorded.consent());
            case CaseChange.ConsentWithdrawn withdrawn -> addConsent(after.id(), withdrawn.withdrawal());
            default -> {
            }
        }
    }

    /** What may change after opening. */
    private static void write(Case c, CaseEntity row) {
        Work work = c.work();
        row.status = work.status().name();
        row.strands = json(c.strands());
        row.classification = work.classification().name();
        row.triaged = work.triaged();
        row.riskLevel = work.risk() == null ? null : work.risk().name();
        row.assignedTo = work.assignedTo();
        row.contactedAt = work.contactedAt();
        row.contactTargetMissed = work.contactTargetMissed();
        row.outcomeScheme = work.outcome() == null ? null : work.outcome().scheme().name();
        row.homeOfficeOutcome = work.outcome() == null ? null : work.outcome().homeOfficeOutcome();
        row.housingOutcome = work.outcome() == null ? null : work.outcome().housingOutcome();
        row.repeatVictim = work.repeatVictim();
        row.likelyDuplicate = work.likelyDuplicate();
        row.closedAt = work.closedAt();
    }

    private static final String CONSENT_INSERT = "insert into case_consent (consent_id, version, case_id, "
            + "recipient_organisation, recipient_type, purpose, level, method, recorded_by, given_at, withdrawn_at) "
            + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private void addConsent(UUID caseId, Consent c) {
        batch(CONSENT_INSERT, List.of(c), (insert, consent) -> bindConsent(insert, caseId, consent));
    }

    private static void bindConsent(PreparedStatement insert, UUID caseId, Consent c) throws SQLException {
        insert.setObject(1, c.id());
        insert.setInt(2, c.version());
        insert.setObject(3, caseId);
        insert.setString(4, c.recipientOrganisation());
        insert.setString(5, c.recipientType());
        insert.setString(6, c.purpose());
        insert.setString(7, c.level());
        insert.setString(8, c.method());
        insert.setString(9, c.recordedBy());
        insert.setObject(10, utc(c.givenAt()));
        insert.setObject(11, utc(c.withdrawnAt()));
    }

    @Override
    public Set<UUID> incidentsWithCases(Collection<UUID> incidentIds) {
        Set<UUID> found = new HashSet<>();
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "select incident_id from case_file where incident_id = any (?)")) {
                select.setArray(1, connection.createArrayOf("uuid", incidentIds.toArray()));
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        found.add(rows.getObject(1, UUID.class));
                    }
                }
            }
        });
        return found;
    }

    @Override
    public Optional<Case> findOwnedBy(UUID id, String organisation) {
        return owned(entityManager.find(CaseEntity.class, id), organisation);
    }

    @Override
    public Optional<Case> lockOwnedBy(UUID id, String organisation) {
        return owned(entityManager.find(CaseEntity.class, id, LockModeType.PESSIMISTIC_WRITE), organisation);
    }

    @Override
    public Optional<Case> lock(UUID id) {
        return Optional.ofNullable(entityManager.find(CaseEntity.class, id, LockModeType.PESSIMISTIC_WRITE))
                .map(row -> toDomain(List.of(row)).get(0));
    }

    private Optional<Case> owned(CaseEntity row, String organisation) {
        return row == null || !row.ownerOrganisation.equals(organisation) ? Optional.empty()
                : Optional.of(toDomain(List.of(row)).get(0));
    }

    @Override
    public List<Case> search(String organisation, CaseFilter filter, int offset, int limit) {
        Map<String, Object> parameters = new HashMap<>();
        String where = where(organisation, filter, parameters);
        Query query = entityManager.createNativeQuery("select * from case_file where " + where
                + " order by received_at desc, id offset :offset limit :limit", CaseEntity.class);
        parameters.forEach(query::setParameter);
        @SuppressWarnings("unchecked")
        List<CaseEntity> rows = query.setParameter("offset", offset).setParameter("limit", limit).getResultList();
        return toDomain(rows);
    }

    @Override
    public long count(String organisation, CaseFilter filter) {
        Map<String, Object> parameters = new HashMap<>();
        Query query = entityManager.createNativeQuery("select count(*) from case_file where "
                + where(organisation, filter, parameters));
        parameters.forEach(query::setParameter);
        return ((Number) query.getSingleResult()).longValue();
    }

    private static final String AWAITING_CONTACT = "status = 'OPEN' and contacted_at is null";

    private static String where(String organisation, CaseFilter f, Map<String, Object> parameters) {
        List<String> clauses = new ArrayList<>(List.of("owner_organisation = :org"));
        parameters.put("org", organisation);
        if (f.status() != null) {
            clauses.add("status = :status");
            parameters.put("status", f.status().name());
        }
        if (f.strand() != null) {
            clauses.add("strands @> cast(:strand as jsonb)");
            parameters.put("strand", json(List.of(Map.of("code", f.strand()))));
        }
        if (f.district() != null) {
            clauses.add("district = :district");
            parameters.put("district", f.district());
        }
        if (f.contactDueBefore() != null) {
            clauses.add(AWAITING_CONTACT + " and contact_due_by < :dueBefore");
            parameters.put("dueBefore", timestamp(f.contactDueBefore()));
        }
        if (f.overdue() != null) {
            String overdue = AWAITING_CONTACT + " and contact_due_by <= :now";
            clauses.add(f.overdue() ? overdue : "not (" + overdue + ")");
            parameters.put("now", timestamp(f.now()));
        }
        if (f.risk() != null) {
            clauses.add("risk_level = :risk");
            parameters.put("risk", f.risk().name());
        }
        if (f.repeat() != null) {
            clauses.add("repeat_victim = :repeat");
            parameters.put("repeat", f.repeat());
        }
        return String.join(" and ", clauses);
    }

    @Override
    public List<Case> lockContactBreaches(Instant now, int limit) {
        @SuppressWarnings("unchecked")
        List<CaseEntity> rows = entityManager.createNativeQuery("select * from case_file where " + AWAITING_CONTACT
                + " and not contact_target_missed and contact_due_by <= :now order by contact_due_by limit :limit "
                + "for update skip locked", CaseEntity.class)
                .setParameter("now", timestamp(now)).setParameter("limit", limit).getResultList();
        return toDomain(rows);
    }

    @Override
    public void addMatchKeys(Map<UUID, ? extends Collection<String>> keysByCase) {
        List<Map.Entry<UUID, String>> rows = keysByCase.entrySet().stream()
                .flatMap(e -> e.getValue().stream().map(key -> Map.entry(e.getKey(), key))).toList();
        batch("insert into case_match_key (match_key, case_id) values (?, ?) on conflict do nothing", rows,
                (insert, row) -> {
                    insert.setString(1, row.getValue());
                    insert.setObject(2, row.getKey());
                });
    }

    /**
     * Per key the most recent cases carrying it: one query for all the keys of a batch (a lateral join per key). The
     * keys are passed as {@code char(64)}, the column's type: as text they would be compared after casting the column,
     * and the index on it would go unused (a scan of every key, for each key).
     */
    @Override
    public Map<String, List<Matching.Candidate>> findByMatchKeys(Collection<String> keys, Instant since,
            int limitPerKey) {
        Map<String, List<Matching.Candidate>> found = new HashMap<>();
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement("select k.key, c.id, c.received_at, "
                    + "c.occurred_from from unnest(?::char(64)[]) as k(key) cross join lateral (select f.id, f.received_at, "
                    + "f.occurred_from from case_match_key m join case_file f on f.id = m.case_id where m.match_key = k.key "
                    + "and f.received_at > ? order by f.received_at desc limit ?) c order by k.key, c.received_at desc")) {
                select.setArray(1, connection.createArrayOf("text", keys.toArray()));
                select.setObject(2, utc(since));
                select.setInt(3, limitPerKey);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        found.computeIfAbsent(rows.getString(1), k -> new ArrayList<>()).add(new Matching.Candidate(
                                rows.getObject(2, UUID.class), rows.getObject(3, OffsetDateTime.class).toInstant(),
                                rows.getObject(4, OffsetDateTime.class).toInstant()));
                    }
                }
            }
        });
        return found;
    }

    @Override
    public void linkAll(List<NewLink> links) {
        batch("insert into case_link (case_id, other_case_id, kind) values (?, ?, ?) on conflict do nothing", links,
                (insert, link) -> {
                    insert.setObject(1, link.caseId());
                    insert.setObject(2, link.otherCase());
                    insert.setString(3, link.kind());
                });
    }

    @Override
    public List<Link> links(UUID caseId, String organisation) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("select l.other_case_id, l.kind, "
                + "o.owner_organisation = :org from case_link l join case_file o on o.id = l.other_case_id "
                + "where l.case_id = :caseId order by l.kind, l.other_case_id")
                .setParameter("caseId", caseId).setParameter("org", organisation).getResultList();
        return rows.stream().map(r -> new Link((UUID) r[0], (String) r[1], (Boolean) r[2])).toList();
    }

    @Override
    public void record(UUID caseId, Entry entry) {
        recordAll(List.of(new Recorded(caseId, entry)));
    }

    @Override
    public void recordAll(List<Recorded> entries) {
        batch("insert into case_history (case_id, kind, actor, at, detail) values (?, ?, ?, ?, cast(? as jsonb))",
                entries, (insert, recorded) -> {
                    insert.setObject(1, recorded.caseId());
                    insert.setString(2, recorded.entry().kind());
                    insert.setString(3, recorded.entry().by());
                    insert.setObject(4, utc(recorded.entry().at()));
                    insert.setString(5, recorded.entry().detail());
                });
    }

    /** Binds one row of a batched statement. */
    @FunctionalInterface
    private interface Binder<T> {
        void bind(PreparedStatement statement, T row) throws SQLException;
    }

    /** One JDBC batch: a single round trip for all the rows (none when there are none). */
    private <T> void batch(String sql, List<T> rows, Binder<T> binder) {
        if (rows.isEmpty()) {
            return;
        }
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (T row : rows) {
                    binder.bind(statement, row);
                    statement.addBatch();
                }
                statement.executeBatch();
            }
        });
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    @Override
    public List<Entry> history(UUID caseId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("select kind, actor, at, detail::text from case_history "
                + "where case_id = :caseId order by id").setParameter("caseId", caseId).getResultList();
        return rows.stream().map(r -> new Entry((String) r[0], (String) r[1], instant(r[2]), (String) r[3])).toList();
    }

    private List<Case> toDomain(List<CaseEntity> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<Consent>> consents = new LinkedHashMap<>();
        rows.forEach(r -> consents.put(r.id, new ArrayList<>()));
        @SuppressWarnings("unchecked")
        List<Object[]> found = entityManager.createNativeQuery("select case_id, consent_id, version, "
                + "recipient_organisation, recipient_type, purpose, level, method, recorded_by, given_at, withdrawn_at "
                + "from case_consent where case_id in (:ids) order by recorded_at, consent_id, version")
                .setParameter("ids", consents.keySet()).getResultList();
        for (Object[] r : found) {
            consents.get((UUID) r[0]).add(new Consent((UUID) r[1], ((Number) r[2]).intValue(), (String) r[3],
                    (String) r[4], (String) r[5], (String) r[6], (String) r[7], (String) r[8], instant(r[9]),
                    r[10] == null ? null : instant(r[10])));
        }
        return rows.stream().map(row -> toDomain(row, consents.get(row.id))).toList();
    }

    private static Case toDomain(CaseEntity row, List<Consent> consents) {
        Outcome outcome = row.outcomeScheme == null ? null
                : new Outcome(Outcome.Scheme.valueOf(row.outcomeScheme), row.homeOfficeOutcome, row.housingOutcome);
        Work work = new Work(CaseStatus.valueOf(row.status), Classification.valueOf(row.classification), row.triaged,
                row.riskLevel == null ? null : RiskLevel.valueOf(row.riskLevel), row.assignedTo, row.contactedAt,
                row.contactTargetMissed, outcome, row.repeatVictim, row.likelyDuplicate, row.closedAt);
        return new Case(row.id, row.incidentId, row.ownerOrganisation, row.ownerOrganisationType, row.receivedAt,
                row.contactDueBy, row.occurredFrom, row.occurredTo, row.district,
                Arrays.asList(read(row.strands, Case.StrandCode[].class)),
                Arrays.asList(read(row.incidentTypes, String[].class)), row.crimeSuspected, row.perceivedBy,
                row.anonymous, row.victimAgeBand, row.victimSubjectId, List.copyOf(consents), row.sealedPersonal,
                row.statisticsKey, work);
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    static Instant instant(Object column) {
        return column instanceof Timestamp t ? t.toInstant() : column instanceof Instant i ? i
                : ((java.time.OffsetDateTime) column).toInstant();
    }

    private static <T> T read(String json, Class<T> type) {
        return EventCodec.read(json.getBytes(StandardCharsets.UTF_8), type);
    }

    private static String json(Object value) {
        return new String(EventCodec.bytes(value), StandardCharsets.UTF_8);
    }
}
