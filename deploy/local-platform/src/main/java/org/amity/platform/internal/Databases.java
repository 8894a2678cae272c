package org.amity.platform.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.regex.Pattern;

import org.amity.platform.InfrastructureException;

/** Creates login roles and databases through JDBC, idempotently and safely when several JVMs do it at once. */
public final class Databases {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private Databases() {
    }

    /** Connects without DriverManager, so that it works from any class loader (Quarkus tests included). */
    public static Connection connect(String jdbcUrl, String user, String password) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", user);
        props.setProperty("password", password);
        props.setProperty("connectTimeout", "5");
        Connection c = new org.postgresql.Driver().connect(jdbcUrl, props);
        if (c == null) {
            throw new SQLException("not a PostgreSQL URL: " + jdbcUrl);
        }
        return c;
    }

    public static void ensure(String adminJdbcUrl, String adminUser, String adminPassword,
            String database, String owner, String password) {
        requireIdentifier("database", database);
        requireIdentifier("owner", owner);
        SQLException last = null;
        for (int attempt = 0; attempt < 5; attempt++) {
            try (Connection c = connect(adminJdbcUrl, adminUser, adminPassword); Statement s = c.createStatement()) {
                String quotedPassword = "'" + password.replace("'", "''") + "'";
                if (!exists(c, "SELECT 1 FROM pg_roles WHERE rolname = ?", owner)) {
                    try {
                        s.execute("CREATE ROLE \"" + owner + "\" LOGIN PASSWORD " + quotedPassword);
                    } catch (SQLException e) {
                        if (!"42710".equals(e.getSQLState())) { // duplicate_object: another JVM was quicker
                            throw e;
                        }
                    }
                }
                s.execute("ALTER ROLE \"" + owner + "\" LOGIN PASSWORD " + quotedPassword);
                if (!exists(c, "SELECT 1 FROM pg_database WHERE datname = ?", database)) {
                    try {
                        s.execute("CREATE DATABASE \"" + database + "\" OWNER \"" + owner + "\"");
                    } catch (SQLException e) {
                        if (!"42P04".equals(e.getSQLState())) { // duplicate_database
                            throw e;
                        }
                    }
                } else {
                    s.execute("ALTER DATABASE \"" + database + "\" OWNER TO \"" + owner + "\"");
                }
                return;
            } catch (SQLException e) {
                last = e;
                // e.g. 55006 "source database template1 is being accessed by other users" during a concurrent CREATE
                if (!"55006".equals(e.getSQLState()) && !"23505".equals(e.getSQLState())) {
                    break;
                }
                java.util.concurrent.locks.LockSupport.parkNanos(200_000_000L * (attempt + 1));
            }
        }
        throw new InfrastructureException("postgres: cannot ensure database '" + database + "' owned by '" + owner
                + "' at " + adminJdbcUrl + ": " + (last == null ? "?" : last.getMessage()), last);
    }

    /** Waits until a JDBC connection succeeds (or throws the last error). */
    public static boolean canConnect(String jdbcUrl, String user, String password) {
        try (Connection c = connect(jdbcUrl, user, password)) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    private static boolean exists(Connection c, String sql, String value) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, value);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static void requireIdentifier(String what, String value) {
        if (value == null || !IDENTIFIER.matcher(value).matches()) {
            throw new IllegalArgumentException(what + " must be a lower-case SQL identifier: " + value);
        }
    }
}
