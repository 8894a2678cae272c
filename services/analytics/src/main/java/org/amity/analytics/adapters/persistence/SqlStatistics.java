package org.amity.analytics.adapters.persistence;

import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.amity.analytics.domain.CaseFacts;
import org.amity.analytics.domain.Dimension;
import org.amity.analytics.domain.Period;
import org.amity.analytics.domain.Scope;
import org.amity.analytics.domain.Statistics;
import org.amity.analytics.domain.TensionMonitor;
import org.amity.contracts.EventCodec;
import org.postgresql.PGStatement;

import io.agroal.api.AgroalDataSource;

/**
 * Facts in PostgreSQL, with monthly and daily counts kept from them. Recording a case writes its facts, what they
 * change in the counts (its entries added to its cell and, when it replaces earlier facts, theirs taken from their
 * cell) and a mark on each (month, district) cell it touches, in one statement that joins the consumer's transaction;
 * {@link #catchUp} adds the dirty cells' changes to their counts, set-based, so an update or a redelivery never
 * double-counts, the consumer writes three rows an event instead of some twenty count upserts, and a round costs what
 * was recorded since the last one, not what its cells hold.
 * Plain JDBC on the transactional datasource.
 */
@ApplicationScoped
public class SqlStatistics implements Statistics {

    /** Separates the entries of a case's {@code counted} list on the way in (codes never hold a control character). */
    private static final char ENTRY_SEPARATOR = '\u001f';

    /**
     * The classes of the catch-up's transaction locks (the first key of {@code pg_advisory_xact_lock(int, int)}): a
     * district's cells are rebuilt by one transaction at a time (the second key is a hash of the district), and so are
     * the area sums of a month (the second key is the month). Each transaction takes its districts' locks first, then
     * its months', each kind in the order of its keys, so that two cannot wait for each other.
     */
    private static final int DISTRICT_LOCK = 7_351_006;
    private static final int MONTH_LOCK = 7_351_007;

    /**
     * A batch of this many cases or more (a consumer working through a backlog: one keeping up records a few at a time)
     * writes no changes: it asks for its cells to be counted again from their facts instead. Written per case, the
     * changes of a national replay took a fifth of its ingest rate, and adding them up took longer than counting the
     * cells again (docs/figures.md, issue 6, session 25).
     */
    public static final int COUNT_AGAIN_FROM = 500;

    @Inject
    AgroalDataSource dataSource;

    /**
     * Records the facts of a consumer's batch (ADR 0004) with one statement: the latest facts of each case replace
     * its earlier ones, and every cell they leave or enter is marked dirty (cells in one order, so that concurrent
     * batches cannot deadlock on the marks). A repeat of the event that stated a row's facts is not written: no new
     * row version, no change, no mark. What a case leaves (its old cell, source and entries) comes back from the upsert
     * itself, which keeps the replaced row's values with the facts (V12, V16), rather than from a lookup of every
     * incoming case; a replacement that changes nothing counted writes no change.
     */
    @Override
    @Transactional
    public void recordStated(List<Stated> batch) {
        Map<UUID, Stated> latest = new LinkedHashMap<>();
        batch.forEach(s -> latest.put(s.facts().caseKey(), s));
        int n = latest.size();
        UUID[] keys = new UUID[n];
        UUID[] events = new UUID[n];
        String[] received = new String[n];
        String[] occurred = new String[n];
        String[] districts = new String[n];
        Boolean[] crime = new Boolean[n];
        String[] sourceTypes = new String[n];
        Integer[] outcomes = new Integer[n];
        Boolean[] repeat = new Boolean[n];
        Boolean[] contact = new Boolean[n];
        String[] types = new String[n];
        String[] sources = new String[n];
        String[] housing = new String[n];
        String[] classification = new String[n];
        Boolean[] duplicate = new Boolean[n];
        String[] counted = new String[n];
        int i = 0;
        for (Stated stated : latest.values()) {
            CaseFacts f = stated.facts();
            keys[i] = f.caseKey();
            events[i] = stated.eventId();
            received[i] = f.receivedOn().toString();
            occurred[i] = f.occurredOn().toString();
            districts[i] = f.district();
            crime[i] = f.crimeSuspected();
            sourceTypes[i] = f.sourceOrganisationType();
            outcomes[i] = f.outcomeCode();
            repeat[i] = f.repeatVictim();
            contact[i] = f.contactTargetMet();
            types[i] = new String(EventCodec.bytes(f.incidentTypes()), StandardCharsets.UTF_8);
            sources[i] = f.sourceOrganisation();
            housing[i] = f.housingOutcome();
            classification[i] = f.classification();
            duplicate[i] = f.likelyDuplicate();
            counted[i] = f.entries(ENTRY_SEPARATOR);
            i++;
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement record = connection.prepareStatement("""
                        with mode as (select ?::boolean as by_changes),
                        incoming as (
                            select * from unnest(?::uuid[], ?::date[], ?::date[], ?::varchar[], ?::boolean[],
                                                 ?::varchar[], ?::int[], ?::boolean[], ?::boolean[], ?::jsonb[],
                                                 ?::varchar[], ?::varchar[], ?::varchar[], ?::boolean[], ?::text[],
                                                 ?::uuid[])
                                as t(case_key, received_on, occurred_on, district, crime_suspected,
                                     source_organisation_type, outcome_code, repeat_victim, contact_target_met,
                                     incident_types, source_organisation, housing_outcome, classification,
                                     likely_duplicate, counted, last_event_id)),
                        written as (
                            insert into case_fact (case_key, received_on, occurred_on, district, crime_suspected,
                                                   source_organisation_type, outcome_code, repeat_victim,
                                                   contact_target_met, incident_types, source_organisation,
                                                   housing_outcome, classification, likely_duplicate, counted,
                                                   last_event_id)
                            select case_key, received_on, occurred_on, district, crime_suspected,
                                   source_organisation_type, outcome_code, repeat_victim, contact_target_met,
                                   incident_types, source_organisation, housing_outcome, classification,
                                   likely_duplicate, string_to_array(counted, chr(31)), last_event_id
                            from incoming
                            on conflict (case_key) do update set previous_received_on = case_fact.received_on,
                                previous_district = case_fact.district,
                                previous_source_organisation = case_fact.source_organisation,
                                previous_counted = case_fact.counted, received_on = excluded.received_on,
                                occurred_on = excluded.occurred_on, district = excluded.district,
                                crime_suspected = excluded.crime_suspected,
                                source_organisation_type = excluded.source_organisation_type,
                                outcome_code = excluded.outcome_code, repeat_victim = excluded.repeat_victim,
                                contact_target_met = excluded.contact_target_met,
                                incident_types = excluded.incident_types,
                                source_organisation = excluded.source_organisation,
                                housing_outcome = excluded.housing_outcome, classification = excluded.classification,
                                likely_duplicate = excluded.likely_duplicate, counted = excluded.counted,
                                last_event_id = excluded.last_event_id
                            where excluded.last_event_id is null
                               or case_fact.last_event_id is distinct from excluded.last_event_id
                            returning received_on, district, source_organisation, counted, previous_received_on,
                                      previous_district, previous_source_organisation, previous_counted),
                        changed as (
                            select * from written
                            where previous_district is null
                               or (received_on, district, source_organisation, counted)
                                  is distinct from (previous_received_on, previous_district,
                                                    previous_source_organisation, previous_counted)),
                        counted as (
                            insert into count_change (month, district, received_on, source_organisation, counted, sign)
                            select date_trunc('month', received_on)::date, district, received_on, source_organisation,
                                   counted, 1
                            from changed where cardinality(counted) > 0 and (select by_changes from mode)
                            union all
                            select date_trunc('month', previous_received_on)::date, previous_district,
                                   previous_received_on, previous_source_organisation, previous_counted, -1
                            from changed where previous_district is not null and cardinality(previous_counted) > 0
                              and (select by_changes from mode))
                        insert into dirty_cell (month, district, count_again)
                        select month, district, case when (select by_changes from mode) then null
                                                     else nextval('dirty_cell_seq') end
                        from (select distinct date_trunc('month', received_on)::date as month, district
                              from (select received_on, district from written
                                    union all
                                    select previous_received_on, previous_district from written
                                    where previous_district is not null) touched) cells
                        order by 1, 2
                        on conflict (month, district) do update set seq = nextval('dirty_cell_seq'), marked_at = now(),
                            count_again = coalesce(excluded.count_again, dirty_cell.count_again)""")) {
            int p = 1;
            record.setBoolean(p++, n < COUNT_AGAIN_FROM);
            record.setArray(p++, connection.createArrayOf("uuid", keys));
            record.setArray(p++, connection.createArrayOf("text", received));
            record.setArray(p++, connection.createArrayOf("text", occurred));
            record.setArray(p++, connection.createArrayOf("text", districts));
            record.setArray(p++, connection.createArrayOf("bool", crime));
            record.setArray(p++, connection.createArrayOf("text", sourceTypes));
            record.setArray(p++, connection.createArrayOf("int4", outcomes));
            record.setArray(p++, connection.createArrayOf("bool", repeat));
            record.setArray(p++, connection.createArrayOf("bool", contact));
            record.setArray(p++, connection.createArrayOf("text", types));
            record.setArray(p++, connection.createArrayOf("text", sources));
            record.setArray(p++, connection.createArrayOf("text", housing));
            record.setArray(p++, connection.createArrayOf("text", classification));
            record.setArray(p++, connection.createArrayOf("bool", duplicate));
            record.setArray(p++, connection.createArrayOf("text", counted));
            record.setArray(p, connection.createArrayOf("uuid", events));
            record.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not record case facts", e);
        }
    }

    /**
     * Brings the counts of up to {@code maxCells} dirty cells up to date in one transaction: a cell's changes recorded
     * since its last round are added to its stored counts ({@link #addChanges}), or, for a cell asked to be counted
     * again (marked before V16, or by a bulk batch), the cell is counted again from its facts ({@link #countAgain}); the
     * quarters, areas and spikes of the cells follow, and the marks are cleared unless a case was recorded in them
     * meanwhile.
     */
    @Override
    @Transactional
    public int catchUp(Share share, int maxCells, TensionMonitor monitor, Duration quiet, Duration longestWait) {
        try (Connection connection = dataSource.getConnection()) {
            List<String> months = new ArrayList<>();
            List<String> districts = new ArrayList<>();
            List<Long> seqs = new ArrayList<>();
            List<String> rebuildMonths = new ArrayList<>();
            List<String> rebuildDistricts = new ArrayList<>();
            List<Long> rebuildRequests = new ArrayList<>();
            List<String> changedMonths = new ArrayList<>();
            List<String> changedDistricts = new ArrayList<>();
            try (PreparedStatement dirty = connection.prepareStatement("""
                    select month, district, seq, count_again from dirty_cell
                    where (marked_at <= now() - make_interval(secs => ?) or first_marked_at <= now() - make_interval(secs => ?))
                      and (hashtext(district) & 2147483647) % ? = ?
                    order by month, district limit ?""")) {
                dirty.setDouble(1, quiet.toMillis() / 1000.0);
                dirty.setDouble(2, longestWait.toMillis() / 1000.0);
                dirty.setInt(3, share.of());
                dirty.setInt(4, share.index());
                dirty.setInt(5, maxCells);
                try (ResultSet rows = dirty.executeQuery()) {
                    while (rows.next()) {
                        months.add(rows.getString(1));
                        districts.add(rows.getString(2));
                        seqs.add(rows.getLong(3));
                        long countAgain = rows.getLong(4);
                        if (rows.wasNull()) {
                            changedMonths.add(rows.getString(1));
                            changedDistricts.add(rows.getString(2));
                        } else {
                            rebuildMonths.add(rows.getString(1));
                            rebuildDistricts.add(rows.getString(2));
                            rebuildRequests.add(countAgain);
                        }
                    }
                }
            }
            if (months.isEmpty()) {
                return 0;
            }
            Array monthArray = connection.createArrayOf("text", months.toArray());
            Array districtArray = connection.createArrayOf("text", districts.toArray());
            // the statements after a lock see what the transaction that held it committed (read committed: a snapshot
            // a statement)
            lockInOrder(connection, DISTRICT_LOCK, "hashtext(d)", districtArray);
            // Every statement below reaches a cell's rows through an index, a cell at a time: the planner, guessing
            // at the arrays' lengths, would otherwise sort or hash whole tables to join a few thousand cells to them
            // (a full scan of the facts per statement, measured at national scale). A round's counts are aggregated
            // in memory, not spilled to disk, and by hashing: for dense cells (400 cases a cell, 9 million counted
            // entries in a transaction, a synthetic set) the planner guessed too many groups and sorted the entries on
            // disk instead (20 s against 3 s). The settings hold for this transaction only; sorting is allowed again
            // after the counting statement. (A cell's monthly counts are stored as arrays in the order of their values:
            // that sort, of the counts per cell and dimension and not of the entries, is made whatever the setting.)
            setPlanner(connection, "off");
            if (!changedMonths.isEmpty()) {
                addChanges(connection, connection.createArrayOf("text", changedMonths.toArray()),
                        connection.createArrayOf("text", changedDistricts.toArray()));
            }
            if (!rebuildMonths.isEmpty()) {
                countAgain(connection, connection.createArrayOf("text", rebuildMonths.toArray()),
                        connection.createArrayOf("text", rebuildDistricts.toArray()));
            }
            setPlanner(connection, "on");
            sumQuarters(connection, monthArray, districtArray);
            // an area's sums of a month add up districts that other shares rebuild
            lockInOrder(connection, MONTH_LOCK,
                    "(extract(year from d::date) * 12 + extract(month from d::date))::int", monthArray);
            sumAreas(connection, monthArray, districtArray);
            findSpikes(connection, monthArray, districtArray, monitor);
            try (PreparedStatement clear = connection.prepareStatement("""
                    delete from dirty_cell d using unnest(?::date[], ?::varchar[], ?::bigint[]) as x(month, district, seq)
                    where d.month = x.month and d.district = x.district and d.seq = x.seq""")) {
                clear.setArray(1, monthArray);
                clear.setArray(2, districtArray);
                clear.setArray(3, connection.createArrayOf("int8", seqs.toArray()));
                clear.executeUpdate();
            }
            if (!rebuildMonths.isEmpty()) {
                // counted again: a case recorded meanwhile by its changes leaves them for the next round; a bulk batch
                // recorded meanwhile asked again, with a newer number
                try (PreparedStatement counted = connection.prepareStatement("""
                        update dirty_cell d set count_again = null
                        from unnest(?::date[], ?::varchar[], ?::bigint[]) as x(month, district, count_again)
                        where d.month = x.month and d.district = x.district and d.count_again = x.count_again""")) {
                    counted.setArray(1, connection.createArrayOf("text", rebuildMonths.toArray()));
                    counted.setArray(2, connection.createArrayOf("text", rebuildDistricts.toArray()));
                    counted.setArray(3, connection.createArrayOf("int8", rebuildRequests.toArray()));
                    counted.executeUpdate();
                }
            }
            return months.size();
        } catch (SQLException e) {
            throw new IllegalStateException("could not bring the counts up to date", e);
        }
    }

    /**
     * Adds the cells' changes to their stored counts, in one statement (one snapshot): the changes are taken (deleted)
     * and summed per count; each count they touch is its stored value plus their sum, and a table's row is written only
     * where that differs from the stored one (a count that reaches 0 leaves its cell's arrays; a cell left empty is
     * deleted). The statement reads the changes and the rows they touch, never the cells' facts.
     */
    private static void addChanges(Connection connection, Array months, Array districts) throws SQLException {
        forCells(connection, months, districts, """
                with cells as materialized (
                    select * from unnest(?::date[], ?::varchar[]) as x(month, district)),
                taken as materialized (
                    delete from count_change c using cells x where c.month = x.month and c.district = x.district
                    returning c.month, c.district, c.received_on, c.source_organisation, c.counted, c.sign),
                entries as materialized (
                    select month, district, received_on, source_organisation, c, sign
                    from taken cross join unnest(counted) c),
                monthly_change as materialized (
                    select split_part(c, '=', 1)::varchar as dimension, month, district,
                           substr(c, strpos(c, '=') + 1)::varchar as value, sum(sign)::bigint as incidents
                    from entries group by 1, 2, 3, 4 having sum(sign) <> 0),
                monthly_old as materialized (%s),
                monthly_fresh as materialized (%s),
                monthly_gone as (%s),
                monthly_set as (%s),
                daily_change as materialized (
                    select month, district, substr(c, strpos(c, '=') + 1)::varchar as strand,
                           extract(day from received_on)::smallint as day_of_month, sum(sign)::bigint as incidents
                    from entries where c like 'strand=%%' or c = 'total=all'
                    group by 1, 2, 3, 4 having sum(sign) <> 0),
                daily_old as materialized (%s),
                daily_fresh as materialized (%s),
                daily_gone as (%s),
                daily_set as (%s),
                source_change as materialized (
                    select source_organisation, split_part(c, '=', 1)::varchar as dimension, month, district,
                           substr(c, strpos(c, '=') + 1)::varchar as value, sum(sign)::bigint as incidents
                    from entries where source_organisation in (select source_organisation from counted_source)
                    group by 1, 2, 3, 4, 5 having sum(sign) <> 0),
                source_old as materialized (
                    select s.source_organisation, s.dimension, s.month, s.district, s.value, s.incidents
                    from source_change t cross join lateral (
                        select source_organisation, dimension, month, district, value, incidents
                        from source_monthly_count s
                        where s.source_organisation = t.source_organisation and s.dimension = t.dimension
                          and s.month = t.month and s.district = t.district and s.value = t.value) s),
                source_fresh as materialized (
                    select source_organisation, dimension, month, district, value, sum(incidents)::bigint as incidents
                    from (select * from source_old union all select * from source_change) u
                    group by 1, 2, 3, 4, 5 having sum(incidents) > 0),
                source_gone as (%s)
                %s""".formatted(
                storedCells("monthly_count_cell", "monthly_change", MONTHLY_CELL_KEY, "value_list"),
                cellsChanged("monthly_old", "monthly_change", MONTHLY_CELL_KEY, "value", "value_list"),
                deleteGone("monthly_count_cell", "monthly_old", "monthly_fresh", MONTHLY_CELL_KEY),
                upsertChanged("monthly_count_cell", "monthly_old", "monthly_fresh", MONTHLY_CELL_KEY, CELL_COUNTS),
                storedCells("daily_count_cell", "daily_change", DAILY_CELL_KEY, "day_list"),
                cellsChanged("daily_old", "daily_change", DAILY_CELL_KEY, "day_of_month", "day_list"),
                deleteGone("daily_count_cell", "daily_old", "daily_fresh", DAILY_CELL_KEY),
                upsertChanged("daily_count_cell", "daily_old", "daily_fresh", DAILY_CELL_KEY, CELL_DAYS),
                deleteGone("source_monthly_count", "source_old", "source_fresh", SOURCE_KEY),
                upsertChanged("source_monthly_count", "source_old", "source_fresh", SOURCE_KEY, COUNT)));
    }

    /**
     * The stored rows of {@code table} (a row per cell and key: a list of values or days, {@code list}, and their
     * counts) whose key is among the rows of {@code change}; in the key's order, then the two lists.
     */
    private static String storedCells(String table, String change, List<String> key, String list) {
        return "select %s, o.%s, o.incident_list from (select distinct %s from %s) t cross join lateral ("
                .formatted(String.join(", ", key.stream().map(column -> "o." + column).toList()), list,
                        String.join(", ", key), change)
                + "select * from %s o where %s) o".formatted(table,
                        String.join(" and ", key.stream().map(column -> "o." + column + " = t." + column).toList()));
    }

    /**
     * The stored rows ({@code old}, from {@link #storedCells}) with the counts of {@code change} (key, {@code item},
     * {@code incidents}) added: per key, the items whose count is above 0 and their counts, in two lists in the order
     * of the items; a key left without one is absent.
     */
    private static String cellsChanged(String old, String change, List<String> key, String item, String list) {
        String columns = String.join(", ", key);
        return """
                select %1$s, array_agg(%3$s order by %3$s) as %4$s, array_agg(incidents order by %3$s) as incident_list
                from (select %1$s, %3$s, sum(incidents)::bigint as incidents
                      from (select %5$s, e.%3$s, e.incidents from %2$s o
                            cross join lateral unnest(o.%4$s, o.incident_list) as e(%3$s, incidents)
                            union all
                            select %1$s, %3$s, incidents from %6$s) u
                      group by %1$s, %3$s) s
                where incidents > 0
                group by %1$s""".formatted(columns, old, item, list,
                String.join(", ", key.stream().map(column -> "o." + column).toList()), change);
    }

    /**
     * Counts the cells again from their facts, in one statement (one snapshot), and takes (deletes) their changes:
     * what the changes say is in the facts read. The cells' facts are read once and counted for the district, daily and
     * own-report tables; each table then changes only where its counts differ: a row whose count changed is updated, a
     * new one inserted, one no longer counted deleted.
     */
    private static void countAgain(Connection connection, Array months, Array districts) throws SQLException {
        // Each entry is split into dimension and value once per count, not once per case. Measured at national
        // scale and left out: one pass with grouping sets for the three counts (slower, 66-74 s a round against
        // 46-48 s).
        forCells(connection, months, districts, """
                with cells as materialized (
                    select * from unnest(?::date[], ?::varchar[]) as x(month, district)),
                taken as (
                    delete from count_change c using cells x where c.month = x.month and c.district = x.district),
                facts as materialized (
                    select x.month, x.district, f.received_on, f.source_organisation, f.counted
                    from cells x cross join lateral (
                        select received_on, source_organisation, counted from case_fact f
                        where f.district = x.district and f.received_on >= x.month
                          and f.received_on < (x.month + interval '1 month')::date) f),
                monthly_fresh as materialized (
                    select dimension, month, district, array_agg(value order by value) as value_list,
                           array_agg(incidents order by value) as incident_list
                    from (select split_part(c, '=', 1)::varchar as dimension, month, district,
                                 substr(c, strpos(c, '=') + 1)::varchar as value, incidents
                          from (select month, district, c, count(*) as incidents
                                from facts cross join unnest(counted) c group by 1, 2, 3) n) e
                    group by dimension, month, district),
                monthly_old as materialized (
                    select m.dimension, m.month, m.district, m.value_list, m.incident_list
                    from cells x cross join lateral (
                        select dimension, month, district, value_list, incident_list from monthly_count_cell m
                        where m.month = x.month and m.district = x.district) m),
                monthly_gone as (%s),
                monthly_set as (%s),
                daily_fresh as materialized (
                    select month, district, strand, array_agg(day_of_month order by day_of_month) as day_list,
                           array_agg(incidents order by day_of_month) as incident_list
                    from (select month, district, substr(c, strpos(c, '=') + 1)::varchar as strand,
                                 extract(day from received_on)::smallint as day_of_month, incidents
                          from (select month, district, received_on, c, count(*) as incidents
                                from facts cross join unnest(counted) c where c like 'strand=%%' or c = 'total=all'
                                group by 1, 2, 3, 4) n) e
                    group by month, district, strand),
                daily_old as materialized (
                    select d.month, d.district, d.strand, d.day_list, d.incident_list
                    from cells x cross join lateral (
                        select month, district, strand, day_list, incident_list from daily_count_cell d
                        where d.district = x.district and d.month = x.month) d),
                daily_gone as (%s),
                daily_set as (%s),
                source_fresh as materialized (
                    select source_organisation, split_part(c, '=', 1)::varchar as dimension, month, district,
                           substr(c, strpos(c, '=') + 1)::varchar as value, incidents
                    from (select source_organisation, month, district, c, count(*) as incidents
                          from facts cross join unnest(counted) c
                          where source_organisation in (select source_organisation from counted_source)
                          group by 1, 2, 3, 4) n),
                source_old as materialized (
                    select s.source_organisation, s.dimension, s.month, s.district, s.value, s.incidents
                    from cells x cross join lateral (
                        select source_organisation, dimension, month, district, value, incidents
                        from source_monthly_count s where s.month = x.month and s.district = x.district) s),
                source_gone as (%s)
                %s""".formatted(
                deleteGone("monthly_count_cell", "monthly_old", "monthly_fresh", MONTHLY_CELL_KEY),
                upsertChanged("monthly_count_cell", "monthly_old", "monthly_fresh", MONTHLY_CELL_KEY, CELL_COUNTS),
                deleteGone("daily_count_cell", "daily_old", "daily_fresh", DAILY_CELL_KEY),
                upsertChanged("daily_count_cell", "daily_old", "daily_fresh", DAILY_CELL_KEY, CELL_DAYS),
                deleteGone("source_monthly_count", "source_old", "source_fresh", SOURCE_KEY),
                upsertChanged("source_monthly_count", "source_old", "source_fresh", SOURCE_KEY, COUNT)));
    }

    /** Takes a transaction lock of the class for each distinct key of the values, in the order of the keys. */
    private static void lockInOrder(Connection connection, int lockClass, String key, Array values)
            throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("""
                select pg_advisory_xact_lock(?, k) from (select distinct %s as k from unnest(?::text[]) as u(d) order by k) keys"""
                .formatted(key))) {
            lock.setInt(1, lockClass);
            lock.setArray(2, values);
            lock.executeQuery().close();
        }
    }

    /**
     * The catch-up's planner settings, for its transaction only: no hash or merge joins (each cell through an index),
     * 64 MB to aggregate in, and sorting {@code off} while its counts are made (hash aggregation) or back {@code on}.
     */
    private static void setPlanner(Connection connection, String sort) throws SQLException {
        try (PreparedStatement settings = connection.prepareStatement("""
                select set_config('enable_hashjoin', 'off', true), set_config('enable_mergejoin', 'off', true),
                       set_config('work_mem', '64MB', true), set_config('enable_sort', ?, true)""")) {
            settings.setString(1, sort);
            settings.executeQuery().close();
        }
    }

    /**
     * Makes the configured own-report organisations the ones counted per source: a new one is counted from all its
     * facts, one no longer configured is dropped. Returns the organisations counted anew.
     */
    @Override
    @Transactional
    public List<String> adoptSources(Set<String> sources) {
        try (Connection connection = dataSource.getConnection()) {
            Set<String> stored = new HashSet<>();
            try (PreparedStatement counted = connection.prepareStatement(
                    "select source_organisation from counted_source"); ResultSet rows = counted.executeQuery()) {
                while (rows.next()) {
                    stored.add(rows.getString(1));
                }
            }
            List<String> added = sources.stream().filter(source -> !stored.contains(source)).sorted().toList();
            List<String> gone = stored.stream().filter(source -> !sources.contains(source)).toList();
            Array goneArray = connection.createArrayOf("varchar", gone.toArray());
            Array addedArray = connection.createArrayOf("varchar", added.toArray());
            forNames(connection, goneArray, "delete from counted_source where source_organisation = any(?)",
                    "delete from source_monthly_count where source_organisation = any(?)");
            // what the facts count, less the changes not yet added to the counts (the catch-up adds them to these
            // too); both read in one statement
            forNames(connection, addedArray, "insert into counted_source select unnest(?::varchar[])", """
                    with added as (select unnest(?::varchar[]) as source_organisation)
                    insert into source_monthly_count (source_organisation, dimension, month, district, value, incidents)
                    select source_organisation, split_part(c, '=', 1), month, district, substr(c, strpos(c, '=') + 1),
                           sum(n)
                    from (select f.source_organisation, date_trunc('month', f.received_on)::date as month, f.district,
                                 c, 1 as n
                          from case_fact f cross join unnest(f.counted) c
                          where f.source_organisation in (select source_organisation from added)
                          union all
                          select x.source_organisation, x.month, x.district, c, -x.sign
                          from count_change x cross join unnest(x.counted) c
                          where x.source_organisation in (select source_organisation from added)) e
                    group by 1, 2, 3, 4, 5 having sum(n) > 0""");
            return added;
        } catch (SQLException e) {
            throw new IllegalStateException("could not adopt the own-report organisations", e);
        }
    }

    /**
     * The key columns of the count tables, in each table's and each query's column order (the counts follow). The
     * monthly counts are stored a row per cell and dimension ({@code monthly_count_cell}: the values and their counts
     * in two arrays, in the order of the values) and read a row per value through the view {@code monthly_count}; the
     * daily counts a row per cell and strand ({@code daily_count_cell}: the days of the month and their counts), read
     * a row per day through the view {@code daily_count}.
     */
    private static final List<String> MONTHLY_CELL_KEY = List.of("dimension", "month", "district");
    private static final List<String> QUARTER_CELL_KEY = List.of("dimension", "quarter", "district");
    private static final List<String> DAILY_CELL_KEY = List.of("month", "district", "strand");
    private static final List<String> SOURCE_KEY = List.of("source_organisation", "dimension", "month", "district",
            "value");
    private static final List<String> AREA_KEY = List.of("area", "dimension", "month", "value");
    /** The counted columns: one count, a cell's values and counts, or a cell's days and counts. */
    private static final List<String> COUNT = List.of("incidents");
    private static final List<String> CELL_COUNTS = List.of("value_list", "incident_list");
    private static final List<String> CELL_DAYS = List.of("day_list", "incident_list");

    /**
     * Deletes the rows of {@code table} whose key is among the stored rows read ({@code old}) but not among the counts
     * made again ({@code fresh}): no case counts them any more. Both are queries (CTEs) with the key columns, then
     * {@code incidents}.
     */
    private static String deleteGone(String table, String old, String fresh, List<String> key) {
        String columns = String.join(", ", key);
        return "delete from %s t using (select %s from %s except select %s from %s) g where %s".formatted(table,
                columns, old, columns, fresh,
                String.join(" and ", key.stream().map(column -> "t." + column + " = g." + column).toList()));
    }

    /** Writes the counts made again ({@code fresh}) that are not stored as they are ({@code old}): new or changed. */
    private static String upsertChanged(String table, String old, String fresh, List<String> key, List<String> counts) {
        String columns = String.join(", ", key);
        // "where true": an insert's select followed by ON CONFLICT needs it to parse unambiguously
        return """
                insert into %s (%s, %s) select * from (select * from %s except select * from %s) c where true
                on conflict (%s) do update set %s""".formatted(table, columns, String.join(", ", counts), fresh, old,
                columns, String.join(", ", counts.stream().map(c -> c + " = excluded." + c).toList()));
    }

    /**
     * The quarters' sums of the rebuilt cells' districts (each quarter's three months of a district in one row per
     * dimension, as a month's cell is stored), written where they differ from the stored sums.
     */
    private static void sumQuarters(Connection connection, Array months, Array districts) throws SQLException {
        forCells(connection, months, districts, """
                with touched as materialized (
                    select distinct date_trunc('quarter', x.month)::date as quarter, x.district
                    from unnest(?::date[], ?::varchar[]) as x(month, district)),
                fresh as materialized (
                    select dimension, quarter, district, array_agg(value order by value) as value_list,
                           array_agg(incidents order by value) as incident_list
                    from (select m.dimension, t.quarter, t.district, m.value, sum(m.incidents)::bigint as incidents
                          from touched t cross join lateral (
                              select dimension, unnest(value_list) as value, unnest(incident_list) as incidents
                              from monthly_count_cell m
                              where m.district = t.district and m.month = any(array[t.quarter,
                                  (t.quarter + interval '1 month')::date, (t.quarter + interval '2 months')::date])) m
                          group by 1, 2, 3, 4) s
                    group by dimension, quarter, district),
                old as materialized (
                    select q.dimension, q.quarter, q.district, q.value_list, q.incident_list
                    from touched t cross join lateral (
                        select dimension, quarter, district, value_list, incident_list from quarterly_count_cell q
                        where q.quarter = t.quarter and q.district = t.district) q),
                gone as (%s)
                %s""".formatted(deleteGone("quarterly_count_cell", "old", "fresh", QUARTER_CELL_KEY),
                upsertChanged("quarterly_count_cell", "old", "fresh", QUARTER_CELL_KEY, CELL_COUNTS)));
    }

    /**
     * The area sums of the months of the rebuilt cells, for every area one of their districts is in, written where
     * they differ from the stored sums.
     */
    private static void sumAreas(Connection connection, Array months, Array districts) throws SQLException {
        forCells(connection, months, districts, """
                with touched as materialized (
                    select distinct a.area, x.month from unnest(?::date[], ?::varchar[]) as x(month, district)
                    join area_district a on a.district = x.district),
                fresh as materialized (
                    select t.area, m.dimension, m.month, m.value, sum(m.incidents)::bigint as incidents
                    from touched t
                    join area_district a on a.area = t.area
                    join monthly_count m on m.month = t.month and m.district = a.district
                    group by 1, 2, 3, 4),
                old as materialized (
                    select c.area, c.dimension, c.month, c.value, c.incidents
                    from touched t join area_monthly_count c on c.area = t.area and c.month = t.month),
                gone as (%s)
                %s""".formatted(deleteGone("area_monthly_count", "old", "fresh", AREA_KEY),
                upsertChanged("area_monthly_count", "old", "fresh", AREA_KEY, COUNT)));
    }

    /** Runs each statement with an array of names (areas, organisations) as its one parameter. */
    private static void forNames(Connection connection, Array names, String... statements) throws SQLException {
        for (String sql : statements) {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setArray(1, names);
                statement.executeUpdate();
            }
        }
    }

    /** Runs each statement with the cells' months and districts as its two parameters. */
    private static void forCells(Connection connection, Array months, Array districts, String... statements)
            throws SQLException {
        for (String sql : statements) {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setArray(1, months);
                statement.setArray(2, districts);
                statement.executeUpdate();
            }
        }
    }

    /**
     * Makes the configured areas the ones summed: an area whose districts differ from the stored membership (or that
     * is new) gets its membership replaced and its sums made again from the district counts; an area no longer
     * configured is dropped. Returns the areas summed again.
     */
    @Override
    @Transactional
    public List<String> adoptAreas(Map<String, List<String>> areas) {
        try (Connection connection = dataSource.getConnection()) {
            Map<String, Set<String>> stored = new HashMap<>();
            try (PreparedStatement members = connection.prepareStatement("select area, district from area_district");
                    ResultSet rows = members.executeQuery()) {
                while (rows.next()) {
                    stored.computeIfAbsent(rows.getString(1), a -> new HashSet<>()).add(rows.getString(2));
                }
            }
            List<String> changed = new ArrayList<>();
            List<String> gone = new ArrayList<>(stored.keySet());
            gone.removeAll(areas.keySet());
            areas.forEach((area, districts) -> {
                if (!new HashSet<>(districts).equals(stored.get(area))) {
                    changed.add(area);
                }
            });
            List<String> replaced = new ArrayList<>(changed);
            replaced.addAll(gone);
            Array replacedArray = connection.createArrayOf("varchar", replaced.toArray());
            forNames(connection, replacedArray, "delete from area_district where area = any(?)",
                    "delete from area_monthly_count where area = any(?)");
            try (PreparedStatement member = connection.prepareStatement(
                    "insert into area_district (area, district) values (?, ?) on conflict do nothing")) {
                for (String area : changed) {
                    for (String district : areas.get(area)) {
                        member.setString(1, area);
                        member.setString(2, district);
                        member.addBatch();
                    }
                }
                member.executeBatch();
            }
            forNames(connection, connection.createArrayOf("varchar", changed.toArray()), """
                    insert into area_monthly_count (area, dimension, month, value, incidents)
                    select a.area, m.dimension, m.month, m.value, sum(m.incidents)
                    from area_district a join monthly_count m on m.district = a.district
                    where a.area = any(?) group by 1, 2, 3, 4""");
            return changed;
        } catch (SQLException e) {
            throw new IllegalStateException("could not adopt the areas", e);
        }
    }

    /**
     * The spikes of the rebuilt cells' days and of the baseline days after them (their baselines changed), by the
     * monitor's rule set-based: each day's baseline is a window over the days before it in its series, days without
     * incidents counting 0. The same arithmetic as {@link TensionMonitor#spikes}, in the same order of operations.
     */
    private static void findSpikes(Connection connection, Array months, Array districts, TensionMonitor monitor)
            throws SQLException {
        int days = monitor.baselineDays();
        String windows = """
                select x.district, x.month as first_day, (x.month + interval '1 month')::date + %d as end_day
                from unnest(?::date[], ?::varchar[]) as x(month, district)""".formatted(days);
        try (PreparedStatement delete = connection.prepareStatement("""
                delete from tension_spike s using (%s) w
                where s.district = w.district and s.day >= w.first_day and s.day < w.end_day""".formatted(windows));
                PreparedStatement insert = connection.prepareStatement("""
                        with windows as (%s),
                        series as (
                            select distinct d.day, d.district, d.strand, d.incidents
                            from windows w cross join lateral (
                                select c.month + (e.day_of_month - 1) as day, c.district, c.strand, e.incidents
                                from daily_count_cell c
                                cross join lateral unnest(c.day_list, c.incident_list) as e(day_of_month, incidents)
                                where c.district = w.district and c.month >= date_trunc('month', w.first_day - %d)::date
                                  and c.month < w.end_day) d
                            where d.day >= w.first_day - %d and d.day < w.end_day),
                        baselines as (
                            select day, district, strand, incidents,
                                   coalesce(sum(incidents) over before, 0)::float8 as total,
                                   coalesce(sum(incidents * incidents) over before, 0)::float8 as squares
                            from series
                            window before as (partition by district, strand order by day
                                              range between interval '%d days' preceding and interval '1 day' preceding))
                        insert into tension_spike (day, district, strand, incidents, baseline_incidents)
                        select day, district, strand, incidents, total::bigint from baselines b
                        where incidents >= ?
                          and exists (select 1 from windows w where w.district = b.district
                                      and b.day >= w.first_day and b.day < w.end_day)
                          and incidents >= total / %d + ? * sqrt(greatest(0, squares / %d - (total / %d) * (total / %d)))
                          and incidents >= ? * (total / %d)
                        on conflict do nothing""".formatted(windows, days, days, days, days, days, days, days, days))) {
            delete.setArray(1, months);
            delete.setArray(2, districts);
            delete.executeUpdate();
            insert.setArray(1, months);
            insert.setArray(2, districts);
            insert.setLong(3, monitor.leastCount());
            insert.setDouble(4, monitor.deviations());
            insert.setDouble(5, monitor.ratio());
            insert.executeUpdate();
        }
    }

    @Override
    @Transactional
    public boolean adopt(TensionMonitor monitor) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement rule = connection.prepareStatement("""
                        insert into tension_rule (id, baseline_days, minimum_count, deviations, ratio, threshold)
                        values (1, ?, ?, ?, ?, ?)
                        on conflict (id) do update set baseline_days = excluded.baseline_days,
                            minimum_count = excluded.minimum_count, deviations = excluded.deviations,
                            ratio = excluded.ratio, threshold = excluded.threshold
                        where (tension_rule.baseline_days, tension_rule.minimum_count, tension_rule.deviations,
                               tension_rule.ratio, tension_rule.threshold)
                              is distinct from (excluded.baseline_days, excluded.minimum_count, excluded.deviations,
                                                excluded.ratio, excluded.threshold)""")) {
            rule.setInt(1, monitor.baselineDays());
            rule.setInt(2, monitor.minimumCount());
            rule.setDouble(3, monitor.deviations());
            rule.setDouble(4, monitor.ratio());
            rule.setInt(5, monitor.threshold());
            if (rule.executeUpdate() == 0) {
                return false;
            }
            try (PreparedStatement all = connection.prepareStatement("""
                    insert into dirty_cell (month, district)
                    select distinct date_trunc('month', received_on)::date, district from case_fact order by 1, 2
                    on conflict (month, district) do update set seq = nextval('dirty_cell_seq')""")) {
                all.executeUpdate();
            }
            return true;
        } catch (SQLException e) {
            throw new IllegalStateException("could not adopt the tension rule", e);
        }
    }

    @Override
    public List<TensionMonitor.Spike> spikes(Scope scope, String strand, LocalDate from, LocalDate to,
            TensionMonitor monitor) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("""
                        select day, district, strand, incidents, baseline_incidents from tension_spike
                        where day >= ? and day < ? and %s and %s
                        order by day desc, district, strand""".formatted(scope == null ? "true" : "district = any(?)",
                        strand == null ? "strand <> ?" : "strand = ?"))) {
            int p = 1;
            query.setDate(p++, Date.valueOf(from));
            query.setDate(p++, Date.valueOf(to));
            if (scope != null) {
                query.setArray(p++, connection.createArrayOf("varchar", scope.districts().toArray()));
            }
            query.setString(p, strand == null ? Dimension.ALL : strand);
            return read(query, rows -> monitor.spike(rows.getDate(1).toLocalDate(), rows.getString(2),
                    rows.getString(3), rows.getLong(4), rows.getLong(5)));
        } catch (SQLException e) {
            throw new IllegalStateException("could not list spikes", e);
        }
    }

    @Override
    public Map<Dimension, List<Cell>> count(Scope scope, Period period, List<Dimension> dimensions) {
        if (scope.sourceOrganisation() == null) {
            return countByDistrict(scope, period, dimensions);
        }
        return countBySource(scope, period, dimensions);
    }

    /** Dimensions' counts by district over a period for one source organisation's own reports, one statement. */
    private Map<Dimension, List<Cell>> countBySource(Scope scope, Period period, List<Dimension> dimensions) {
        Map<String, List<Cell>> byCode = new LinkedHashMap<>();
        dimensions.forEach(dimension -> byCode.put(dimension.code(), new ArrayList<>()));
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("""
                        select dimension, value, district, sum(incidents) from source_monthly_count
                        where dimension = any(?) and month >= ? and month < ? and district = any(?)
                          and source_organisation = ?
                        group by dimension, value, district order by dimension, value, district""")) {
            query.setArray(1, connection.createArrayOf("varchar", byCode.keySet().toArray()));
            query.setDate(2, Date.valueOf(period.firstDay()));
            query.setDate(3, Date.valueOf(period.endDay()));
            query.setArray(4, connection.createArrayOf("varchar", scope.districts().toArray()));
            query.setString(5, scope.sourceOrganisation());
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    byCode.get(rows.getString(1)).add(new Cell(rows.getString(2), rows.getString(3), rows.getLong(4)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not count", e);
        }
        Map<Dimension, List<Cell>> counts = new LinkedHashMap<>();
        dimensions.forEach(dimension -> counts.put(dimension, byCode.get(dimension.code())));
        return counts;
    }

    /**
     * Dimensions' counts by district over a period, read with one statement: the whole quarters in it from the
     * quarters' sums, the months before and after them from the months (a national financial year reads 1,200 rows a
     * dimension instead of 3,600). The cells' rows come back as they are stored, their arrays as plain strings, and
     * are summed here: a national year's sub-category cells took 28.6 ms (median) with PostgreSQL unnesting and
     * grouping their 30,000-odd values, 14.1 ms summed here, and longer than either with the driver parsing the
     * arrays themselves.
     */
    private Map<Dimension, List<Cell>> countByDistrict(Scope scope, Period period, List<Dimension> dimensions) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(DISTRICT_CELLS)) {
            // planned for its own dates and districts at every call: a plan made once for any of them (the statement
            // cache's generic plan) took up to twice as long
            query.unwrap(PGStatement.class).setPrepareThreshold(0);
            Map<String, CellSums> sums = new LinkedHashMap<>();
            dimensions.forEach(dimension -> sums.put(dimension.code(), new CellSums()));
            bindDistrictCells(query, connection.createArrayOf("varchar", sums.keySet().toArray()), period,
                    connection.createArrayOf("varchar", scope.districts().toArray()));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    sums.get(rows.getString(1)).add(rows.getString(2), rows.getString(3), rows.getString(4));
                }
            }
            Map<Dimension, List<Cell>> counts = new LinkedHashMap<>();
            dimensions.forEach(dimension -> counts.put(dimension, sums.get(dimension.code()).cells()));
            return counts;
        } catch (SQLException e) {
            throw new IllegalStateException("could not count", e);
        }
    }

    /**
     * The stored cells of some dimensions in some districts over a period: the months before and after its whole
     * quarters, and those quarters. Public, with {@link #bindDistrictCells}, for the scale bench, which shows its plan.
     */
    public static final String DISTRICT_CELLS = """
            select dimension, district, array_to_string(value_list, chr(31), ''),
                   array_to_string(incident_list, ',', '')
            from monthly_count_cell
            where dimension = any(?) and (month >= ? and month < ? or month >= ? and month < ?) and district = any(?)
            union all
            select dimension, district, array_to_string(value_list, chr(31), ''),
                   array_to_string(incident_list, ',', '')
            from quarterly_count_cell
            where dimension = any(?) and quarter >= ? and quarter < ? and district = any(?)""";

    public static void bindDistrictCells(PreparedStatement query, Array dimensions, Period period, Array districts)
            throws SQLException {
        Period.Quarters quarters = period.wholeQuarters();
        query.setArray(1, dimensions);
        query.setDate(2, Date.valueOf(period.firstDay()));
        query.setDate(3, Date.valueOf(quarters.firstDay()));
        query.setDate(4, Date.valueOf(quarters.endDay()));
        query.setDate(5, Date.valueOf(period.endDay()));
        query.setArray(6, districts);
        query.setArray(7, dimensions);
        query.setDate(8, Date.valueOf(quarters.firstDay()));
        query.setDate(9, Date.valueOf(quarters.endDay()));
        query.setArray(10, districts);
    }

    /**
     * Stored cells' counts summed by value and district. A cell comes as its values joined by the unit separator
     * (codes never hold a control character) and its counts joined by commas, one count for each value.
     */
    static final class CellSums {

        private static final char VALUE_SEPARATOR = ENTRY_SEPARATOR;

        private final Map<String, Map<String, long[]>> byValue = new HashMap<>();

        void add(String district, String values, String incidents) {
            int v = 0;
            int i = 0;
            while (v < values.length()) {
                int end = values.indexOf(VALUE_SEPARATOR, v);
                if (end < 0) {
                    end = values.length();
                }
                String value = values.substring(v, end);
                v = end + 1;
                long count = 0;
                int digits = 0;
                while (i < incidents.length() && incidents.charAt(i) != ',') {
                    char c = incidents.charAt(i++);
                    if (c < '0' || c > '9') {
                        throw mismatch(district, values, incidents);
                    }
                    count = count * 10 + (c - '0');
                    digits++;
                }
                if (digits == 0) {
                    throw mismatch(district, values, incidents);
                }
                i++; // past the comma
                byValue.computeIfAbsent(value, x -> new HashMap<>()).computeIfAbsent(district, d -> new long[1])[0]
                        += count;
            }
            if (values.isEmpty() ? !incidents.isEmpty() : i != incidents.length() + 1) {
                throw mismatch(district, values, incidents);
            }
        }

        private static IllegalStateException mismatch(String district, String values, String incidents) {
            return new IllegalStateException("a stored cell of " + district + " does not pair its values ("
                    + values.replace(VALUE_SEPARATOR, ',') + ") with counts (" + incidents + ")");
        }

        /** In no particular order. */
        List<Cell> cells() {
            List<Cell> cells = new ArrayList<>();
            byValue.forEach((value, districts) -> districts.forEach((district, incidents) ->
                    cells.add(new Cell(value, district, incidents[0]))));
            return cells;
        }
    }

    @Override
    public Map<String, Long> sum(Scope scope, Dimension dimension, Period period) {
        Map<String, Long> sums = new HashMap<>();
        query(scope, dimension.code(), period.firstDay(), period.endDay(), """
                select value, sum(incidents) from monthly_count
                where dimension = ? and month >= ? and month < ? and district = any(?)
                group by value""", """
                select value, sum(incidents) from area_monthly_count
                where dimension = ? and month >= ? and month < ? and area = ?
                group by value""", """
                select value, sum(incidents) from source_monthly_count
                where dimension = ? and month >= ? and month < ? and district = any(?) and source_organisation = ?
                group by value""", rows -> sums.put(rows.getString(1), rows.getLong(2)));
        return sums;
    }

    @Override
    public List<StrandCell> withinStrands(Scope scope, Dimension dimension, Period period) {
        return query(scope, CaseFacts.crossingKey(dimension), period.firstDay(), period.endDay(), """
                select value, sum(incidents) from monthly_count
                where dimension = ? and month >= ? and month < ? and district = any(?)
                group by value order by value""", """
                select value, sum(incidents) from area_monthly_count
                where dimension = ? and month >= ? and month < ? and area = ?
                group by value order by value""", """
                select value, sum(incidents) from source_monthly_count
                where dimension = ? and month >= ? and month < ? and district = any(?) and source_organisation = ?
                group by value order by value""", rows -> {
                    String stored = rows.getString(1);
                    int bar = stored.indexOf(CaseFacts.CROSSING_SEPARATOR);
                    return new StrandCell(stored.substring(0, bar), stored.substring(bar + 1), rows.getLong(2));
                });
    }

    @Override
    public List<MonthCount> byMonth(Scope scope, Dimension dimension, YearMonth from, YearMonth to) {
        return query(scope, dimension.code(), from.atDay(1), to.atDay(1), """
                select month, value, sum(incidents) from monthly_count
                where dimension = ? and month >= ? and month < ? and district = any(?)
                group by month, value order by month, value""", """
                select month, value, incidents from area_monthly_count
                where dimension = ? and month >= ? and month < ? and area = ?
                order by month, value""", """
                select month, value, sum(incidents) from source_monthly_count
                where dimension = ? and month >= ? and month < ? and district = any(?) and source_organisation = ?
                group by month, value order by month, value""",
                rows -> new MonthCount(YearMonth.from(rows.getDate(1).toLocalDate()), rows.getString(2), rows.getLong(3)));
    }

    @Override
    public List<DayCount> daily(LocalDate from, LocalDate to) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("""
                        select day, district, strand, sum(incidents) from (
                            select c.month + (e.day_of_month - 1) as day, c.district, c.strand, e.incidents
                            from daily_count_cell c
                            cross join lateral unnest(c.day_list, c.incident_list) as e(day_of_month, incidents)
                            where c.month >= date_trunc('month', ?::date)::date and c.month < ?) d
                        where day >= ? and day < ?
                        group by day, district, strand order by day, district, strand""")) {
            query.setDate(1, Date.valueOf(from));
            query.setDate(2, Date.valueOf(to));
            query.setDate(3, Date.valueOf(from));
            query.setDate(4, Date.valueOf(to));
            return read(query, rows -> new DayCount(rows.getDate(1).toLocalDate(), rows.getString(2),
                    rows.getString(3), rows.getLong(4)));
        } catch (SQLException e) {
            throw new IllegalStateException("could not count", e);
        }
    }

    private interface RowMapper<T> {
        T map(ResultSet rows) throws SQLException;
    }

    /**
     * Counts of one stored dimension in [from, to) within a scope: summed from the monthly counts of its districts,
     * read from its area's sums when the scope is a whole configured area and the query needs no district
     * ({@code fromArea} not null), or for an organisation that sees its own reports only from its own counts.
     */
    private <T> List<T> query(Scope scope, String dimension, LocalDate from, LocalDate to, String fromCounts,
            String fromArea, String fromSource, RowMapper<T> mapper) {
        boolean bySource = scope.sourceOrganisation() != null;
        boolean byArea = !bySource && fromArea != null && scope.areaCode() != null;
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(bySource ? fromSource
                        : byArea ? fromArea : fromCounts)) {
            query.setString(1, dimension);
            query.setDate(2, Date.valueOf(from));
            query.setDate(3, Date.valueOf(to));
            if (byArea) {
                query.setString(4, scope.areaCode());
            } else {
                query.setArray(4, connection.createArrayOf("varchar", scope.districts().toArray()));
            }
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
