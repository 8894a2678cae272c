package org.amity.analytics.adapters.persistence;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.amity.analytics.domain.CaseFacts;
import org.amity.analytics.domain.Statistics;
import org.amity.analytics.domain.StrandCount;
import org.amity.contracts.EventCodec;

import io.agroal.api.AgroalDataSource;

/**
 * Facts in PostgreSQL, counted by SQL aggregation. Plain JDBC on the service's transactional
 * datasource: the writes join the consumer's transaction (with its inbox mark).
 */
@ApplicationScoped
public class SqlStatistics implements Statistics {

    @Inject
    AgroalDataSource dataSource;

    @Override
    public void record(CaseFacts facts) {
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement delete = connection.prepareStatement("delete from case_fact where case_key = ?")) {
                delete.setObject(1, facts.caseKey());
                delete.executeUpdate();
            }
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into case_fact (case_key, received_on, occurred_on, district, crime_suspected,
                                           source_organisation_type, outcome_code, repeat_victim, contact_target_met,
                                           incident_types)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb))""")) {
                insert.setObject(1, facts.caseKey());
                insert.setDate(2, Date.valueOf(facts.receivedOn()));
                insert.setDate(3, Date.valueOf(facts.occurredOn()));
                insert.setString(4, facts.district());
                insert.setBoolean(5, facts.crimeSuspected());
                insert.setString(6, facts.sourceOrganisationType());
                insert.setObject(7, facts.outcomeCode(), Types.INTEGER);
                insert.setBoolean(8, facts.repeatVictim());
                insert.setObject(9, facts.contactTargetMet(), Types.BOOLEAN);
                insert.setString(10, new String(EventCodec.bytes(facts.incidentTypes()), StandardCharsets.UTF_8));
                insert.executeUpdate();
            }
            try (PreparedStatement strands = connection.prepareStatement(
                    "insert into case_fact_strand (case_key, strand, sub_category) values (?, ?, ?) on conflict do nothing")) {
                for (CaseFacts.Strand strand : facts.strands()) {
                    strands.setObject(1, facts.caseKey());
                    strands.setString(2, strand.code());
                    strands.setString(3, strand.subCategory());
                    strands.addBatch();
                }
                strands.executeBatch();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not record case facts", e);
        }
    }

    @Override
    public List<StrandCount> countByStrandAndDistrict(LocalDate from, LocalDate to, String strand, String district) {
        StringBuilder sql = new StringBuilder("""
                select s.strand, f.district, count(*)
                from case_fact f join case_fact_strand s on s.case_key = f.case_key
                where f.received_on >= ? and f.received_on < ?""");
        List<Object> parameters = new ArrayList<>(List.of(Date.valueOf(from), Date.valueOf(to)));
        if (strand != null) {
            sql.append(" and s.strand = ?");
            parameters.add(strand);
        }
        if (district != null) {
            sql.append(" and f.district = ?");
            parameters.add(district);
        }
        sql.append(" group by s.strand, f.district order by s.strand, f.district");
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(sql.toString())) {
            for (int i = 0; i < parameters.size(); i++) {
                query.setObject(i + 1, parameters.get(i));
            }
            List<StrandCount> counts = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    counts.add(new StrandCount(rows.getString(1), rows.getString(2), rows.getLong(3)));
                }
            }
            return counts;
        } catch (SQLException e) {
            throw new IllegalStateException("could not count", e);
        }
    }
}
