package org.amity.load;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * PostgreSQL's own limit on this machine, in the cluster the platform uses (same disk, same durability settings): a
 * scratch database with one table shaped like an incident row (id, time, district, a JSON document of a generated
 * report), filled for a few seconds by {@value #SINGLE_CONNECTIONS} connections committing one row at a time, then
 * by {@value #BATCH_CONNECTIONS} committing JDBC batches of {@value #BATCH} rows. The database is dropped afterwards.
 */
final class RawPostgres {

    static final String DATABASE = "amity_load_scratch";
    static final int SINGLE_CONNECTIONS = 8;
    static final int BATCH_CONNECTIONS = 2;
    static final int BATCH = 500;

    record Result(double singleRowCommitsPerSecond, double batchedRowsPerSecond, int documentBytes) {
    }

    static Result measure(String hostPort, String user, String password, int seconds, byte[] document)
            throws Exception {
        String admin = "jdbc:postgresql://" + hostPort + "/postgres";
        try (Connection c = DriverManager.getConnection(admin, user, password); Statement s = c.createStatement()) {
            s.execute("drop database if exists " + DATABASE + " with (force)");
            s.execute("create database " + DATABASE);
        }
        String url = "jdbc:postgresql://" + hostPort + "/" + DATABASE;
        try {
            try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
                s.execute("create table scratch_incident (id uuid primary key, received_at timestamptz not null, "
                        + "district varchar(64) not null, document jsonb not null)");
            }
            String json = new String(document, java.nio.charset.StandardCharsets.UTF_8);
            double single = run(url, user, password, seconds, SINGLE_CONNECTIONS, 1, json);
            double batched = run(url, user, password, seconds, BATCH_CONNECTIONS, BATCH, json);
            return new Result(single, batched, document.length);
        } finally {
            try (Connection c = DriverManager.getConnection(admin, user, password);
                    Statement s = c.createStatement()) {
                s.execute("drop database if exists " + DATABASE + " with (force)");
            }
        }
    }

    /** Rows a second from {@code connections} threads committing {@code perCommit} rows at a time. */
    private static double run(String url, String user, String password, int seconds, int connections,
            int perCommit, String json) throws Exception {
        AtomicLong rows = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        List<Exception> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime();
        long deadline = start + seconds * 1_000_000_000L;
        for (int t = 0; t < connections; t++) {
            threads.add(Thread.ofPlatform().start(() -> {
                try (Connection c = DriverManager.getConnection(url, user, password);
                        PreparedStatement insert = c.prepareStatement("insert into scratch_incident "
                                + "(id, received_at, district, document) values (?, ?, ?, ?::jsonb)")) {
                    c.setAutoCommit(perCommit == 1);
                    while (System.nanoTime() < deadline) {
                        for (int i = 0; i < perCommit; i++) {
                            insert.setObject(1, UUID.randomUUID());
                            insert.setTimestamp(2, new Timestamp(System.currentTimeMillis()));
                            insert.setString(3, "maidstone");
                            insert.setString(4, json);
                            if (perCommit == 1) {
                                insert.executeUpdate();
                            } else {
                                insert.addBatch();
                            }
                        }
                        if (perCommit > 1) {
                            insert.executeBatch();
                            c.commit();
                        }
                        rows.addAndGet(perCommit);
                    }
                } catch (SQLException e) {
                    failures.add(e);
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        if (!failures.isEmpty()) {
            throw failures.get(0);
        }
        return rows.get() / ((System.nanoTime() - start) / 1e9);
    }

    private RawPostgres() {
    }
}
