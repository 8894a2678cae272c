package org.amity.analytics.adapters.persistence;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.amity.analytics.domain.TensionAlerts;
import org.amity.analytics.domain.TensionMonitor;

import io.agroal.api.AgroalDataSource;

/**
 * The spikes already alerted, one row per (day, district, strand): the primary key makes "first time" exact even
 * when two instances detect the same spike at once (the second insert waits for the first and then finds it).
 */
@ApplicationScoped
public class SqlTensionAlerts implements TensionAlerts.Alerted {

    @Inject
    AgroalDataSource dataSource;

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstAlert(TensionMonitor.Spike spike) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement insert = connection.prepareStatement("""
                insert into tension_alert (day, district, strand, incidents) values (?, ?, ?, ?)
                on conflict (day, district, strand) do nothing""")) {
            insert.setDate(1, Date.valueOf(spike.day()));
            insert.setString(2, spike.district());
            insert.setString(3, spike.strand());
            insert.setLong(4, spike.incidents());
            return insert.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("could not note a spike", e);
        }
    }
}
