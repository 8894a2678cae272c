package org.amity.analytics.adapters.persistence;

import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.amity.analytics.domain.CaseFacts;
import org.amity.analytics.domain.Dimension;
import org.amity.analytics.domain.Period;
import org.amity.analytics.domain.Scope;
import org.amity.analytics.domain.Statistics;
import org.amity.contracts.EventCodec;

import io.agroal.api.AgroalDataSource;

/**
 * Facts in PostgreSQL with pre-aggregated monthly and daily counts. Recording a case subtracts what its earlier
 * facts counted and adds what the new ones count, so an update or a redelivery never double-counts. Plain JDBC on
 * the transactional datasource: the writes join the consumer's transaction (with its inbox mark).
 */
@ApplicationScoped
public class SqlStatistics implements Statistics {

    @Inject
    AgroalDataSource dataSource;

    /** One aggregate row: the grain's date (month or day), district, source organisation, dimension and value. */
    private record Bucket(LocalDate date, String district, String source, String dimension, String value) {
    }

    /**
     * One order for the count rows every writer upserts, so that two transactions touching the same rows lock them
     * in the same order and cannot deadlock.
     */
    private static final Comparator<Bucket> ROW_ORDER = Comparator.comparing(Bucket::date)
            .thenComparing(Bucket::district, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Bucket::source, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Bucket::dimension, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(Bucket::value, Comparator.nullsFirst(Comparator.naturalOrder()));

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(CaseFacts facts) {
        recordAll(List.of(facts));
    }

    /**
     * Records the facts of a consumer's batch (ADR 0004) at once: the counts of all its events are summed in memory
     * and written with one statement per table, instead of a dozen per event, in the batch's transaction (the facts,
     * the counts and the inbox marks commit or roll back together).
     */
    @Override
    @Transactional
    public void recordAll(List<CaseFacts> batch) {
        Map<UUID, CaseFacts> latest = new LinkedHashMap<>();
        batch.forEach(f -> latest.put(f.caseKey(), f));
        Map<Bucket, Long> monthly = new HashMap<>();
        Map<Bucket, Long> daily = new HashMap<>();
        try (Connection connection = dataSource.getConnection()) {
            subtractEarlier(connection, latest.keySet(), monthly, daily);
            for (CaseFacts f : latest.values()) {
                String source = f.sourceOrganisation() == null ? "" : f.sourceOrganisation();
                for (CaseFacts.Count count : f.counts()) {
                    add(monthly, daily, f.receivedOn(), f.district(), source, count.key(), count.storedValue(), 1);
                }
            }
            upsertFacts(connection, latest.values());
            apply(connection, monthly, """
                    insert into monthly_count (month, district, source_organisation, dimension, value, incidents)
                    values (?, ?, ?, ?, ?, ?) on conflict (dimension, month, district, source_organisation, value)
                    do update set incidents = monthly_count.incidents + excluded.incidents""");
            apply(connection, daily, """
                    insert into daily_count (day, district, source_organisation, strand, incidents)
                    values (?, ?, ?, ?, ?) on conflict (day, district, source_organisation, strand)
                    do update set incidents = daily_count.incidents + excluded.incidents""");
        } catch (SQLException e) {
            throw new IllegalStateException("could not record case facts", e);
        }
    }

    private static void add(Map<Bucket, Long> monthly, Map<Bucket, Long> daily, LocalDate day, String district,
            String source, String dimension, String value, long delta) {
        monthly.merge(new Bucket(day.withDayOfMonth(1), district, source, dimension, value), delta, Long::sum);
        if (dimension.equals(Dimension.STRAND.code()) || dimension.equals(Dimension.TOTAL.code())) {
            daily.merge(new Bucket(day, district, source, null, value), delta, Long::sum);
        }
    }

    private void subtractEarlier(Connection connection, Iterable<UUID> keys, Map<Bucket, Long> monthly,
            Map<Bucket, Long> daily) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("""
                select received_on, district, source_organisation, counted from case_fact
                where case_key = any(?) for update""")) {
            select.setArray(1, connection.createArrayOf("uuid", toArray(keys)));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    LocalDate day = rows.getDate(1).toLocalDate();
                    String source = rows.getString(3) == null ? "" : rows.getString(3);
                    for (String entry : (String[]) rows.getArray(4).getArray()) {
                        int eq = entry.indexOf('=');
                        add(monthly, daily, day, rows.getString(2), source, entry.substring(0, eq),
                                entry.substring(eq + 1), -1);
                    }
                }
            }
        }
    }

    private static Object[] toArray(Iterable<UUID> keys) {
        List<UUID> list = new ArrayList<>();
        keys.forEach(list::add);
        return list.toArray();
    }

    private static void upsertFacts(Connection connection, Iterable<CaseFacts> facts) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement("""
                insert into case_fact (case_key, received_on, occurred_on, district, crime_suspected,
                                       source_organisation_type, outcome_code, repeat_victim, contact_target_met,
                                       incident_types, source_organisation, housing_outcome, classification,
                                       likely_duplicate, counted)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, ?, ?, ?)
                on conflict (case_key) do update set received_on = excluded.received_on,
                    occurred_on = excluded.occurred_on, district = excluded.district,
                    crime_suspected = excluded.crime_suspected,
                    source_organisation_type = excluded.source_organisation_type,
                    outcome_code = excluded.outcome_code, repeat_victim = excluded.repeat_victim,
                    contact_target_met = excluded.contact_target_met, incident_types = excluded.incident_types,
                    source_organisation = excluded.source_organisation, housing_outcome = excluded.housing_outcome,
                    classification = excluded.classification, likely_duplicate = excluded.likely_duplicate,
                    counted = excluded.counted""");
                PreparedStatement deleteStrands = connection.prepareStatement(
                        "delete from case_fact_strand where case_key = ?");
                PreparedStatement strands = connection.prepareStatement(
                        "insert into case_fact_strand (case_key, strand, sub_category) values (?, ?, ?) on conflict do nothing")) {
            for (CaseFacts f : facts) {
                upsert.setObject(1, f.caseKey());
                upsert.setDate(2, Date.valueOf(f.receivedOn()));
                upsert.setDate(3, Date.valueOf(f.occurredOn()));
                upsert.setString(4, f.district());
                upsert.setBoolean(5, f.crimeSuspected());
                upsert.setString(6, f.sourceOrganisationType());
                upsert.setObject(7, f.outcomeCode(), Types.INTEGER);
                upsert.setBoolean(8, f.repeatVictim());
                upsert.setObject(9, f.contactTargetMet(), Types.BOOLEAN);
                upsert.setString(10, new String(EventCodec.bytes(f.incidentTypes()), StandardCharsets.UTF_8));
                upsert.setString(11, f.sourceOrganisation());
                upsert.setString(12, f.housingOutcome());
                upsert.setString(13, f.classification());
                upsert.setBoolean(14, f.likelyDuplicate());
                Array counted = connection.createArrayOf("text",
                        f.counts().stream().map(c -> c.key() + "=" + c.storedValue()).toArray());
                upsert.setArray(15, counted);
                upsert.addBatch();
                deleteStrands.setObject(1, f.caseKey());
                deleteStrands.addBatch();
                for (CaseFacts.Strand strand : f.strands()) {
                    strands.setObject(1, f.caseKey());
                    strands.setString(2, strand.code());
                    strands.setString(3, strand.subCategory());
                    strands.addBatch();
                }
            }
            upsert.executeBatch();
            deleteStrands.executeBatch();
            strands.executeBatch();
        }
    }

    private static void apply(Connection connection, Map<Bucket, Long> deltas, String sql) throws SQLException {
        boolean monthly = sql.contains("monthly_count");
        List<Map.Entry<Bucket, Long>> ordered = new ArrayList<>(deltas.entrySet());
        ordered.sort(Map.Entry.comparingByKey(ROW_ORDER)); // one order for every writer: no deadlock between them
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (Map.Entry<Bucket, Long> delta : ordered) {
                if (delta.getValue() == 0) {
                    continue;
                }
                Bucket b = delta.getKey();
                int i = 1;
                statement.setDate(i++, Date.valueOf(b.date()));
                statement.setString(i++, b.district());
                statement.setString(i++, b.source());
                if (monthly) {
                    statement.setString(i++, b.dimension());
                }
                statement.setString(i++, b.value());
                statement.setLong(i, delta.getValue());
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    @Override
    public List<Cell> count(Scope scope, Dimension dimension, Period period) {
        String sql = """
                select value, district, sum(incidents) from monthly_count
                where dimension = ? and month >= ? and month < ? and district = any(?) %s
                group by value, district having sum(incidents) <> 0 order by value, district""";
        return query(sql, scope, dimension.code(), period.firstDay(), period.endDay(),
                rows -> new Cell(rows.getString(1), rows.getString(2), rows.getLong(3)));
    }

    @Override
    public List<StrandCell> withinStrands(Scope scope, Dimension dimension, Period period) {
        String sql = """
                select value, sum(incidents) from monthly_count
                where dimension = ? and month >= ? and month < ? and district = any(?) %s
                group by value having sum(incidents) <> 0 order by value""";
        return query(sql, scope, CaseFacts.crossingKey(dimension), period.firstDay(), period.endDay(), rows -> {
            String stored = rows.getString(1);
            int bar = stored.indexOf(CaseFacts.CROSSING_SEPARATOR);
            return new StrandCell(stored.substring(0, bar), stored.substring(bar + 1), rows.getLong(2));
        });
    }

    @Override
    public List<MonthCount> byMonth(Scope scope, Dimension dimension, YearMonth from, YearMonth to) {
        String sql = """
                select month, value, sum(incidents) from monthly_count
                where dimension = ? and month >= ? and month < ? and district = any(?) %s
                group by month, value having sum(incidents) <> 0 order by month, value""";
        return query(sql, scope, dimension.code(), from.atDay(1), to.atDay(1),
                rows -> new MonthCount(YearMonth.from(rows.getDate(1).toLocalDate()), rows.getString(2), rows.getLong(3)));
    }

    @Override
    public List<DayCount> daily(LocalDate from, LocalDate to) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("""
                        select day, district, strand, sum(incidents) from daily_count where day >= ? and day < ?
                        group by day, district, strand having sum(incidents) <> 0 order by day, district, strand""")) {
            query.setDate(1, Date.valueOf(from));
            query.setDate(2, Date.valueOf(to));
            return read(query, rows -> new DayCount(rows.getDate(1).toLocalDate(), rows.getString(2),
                    rows.getString(3), rows.getLong(4)));
        } catch (SQLException e) {
            throw new IllegalStateException("could not count", e);
        }
    }

    private interface RowMapper<T> {
        T map(ResultSet rows) throws SQLException;
    }

    private <T> List<T> query(String sql, Scope scope, String dimension, LocalDate from, LocalDate to,
            RowMapper<T> mapper) {
        boolean bySource = scope.sourceOrganisation() != null;
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        sql.formatted(bySource ? "and source_organisation = ?" : ""))) {
            query.setString(1, dimension);
            query.setDate(2, Date.valueOf(from));
            query.setDate(3, Date.valueOf(to));
            query.setArray(4, connection.createArrayOf("varchar", scope.districts().toArray()));
            if (bySource) {
                query.setString(5, scope.sourceOrganisation());
            }
            return read(query, mapper);
        } catch (SQLException e) {
            throw new IllegalStateException("could not count", e);
        }
    }

    private static <T> List<T> read(PreparedStatement query, RowMapper<T> mapper) throws SQLException {
        List<T> out = new ArrayList<>();
        try (ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                out.add(mapper.map(rows));
            }
        }
        return out;
    }
}
