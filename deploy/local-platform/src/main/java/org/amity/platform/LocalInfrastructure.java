package org.amity.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

import org.amity.platform.internal.Databases;
import org.amity.platform.internal.LocalKafka;
import org.amity.platform.internal.LocalKeycloak;
import org.amity.platform.internal.LocalPostgres;
import org.amity.platform.internal.Procs;
import org.amity.platform.internal.Tools;

/**
 * PostgreSQL, Kafka and Keycloak as plain OS processes (no Docker). Each runs in its own session and outlives the
 * JVM that started it unless {@link #close()} is called (or {@link Builder#stopOnJvmExit(boolean)} is set). Start
 * is idempotent and also adopts processes that an earlier launcher started on the same data and run directories.
 *
 * <pre>{@code
 * dataDir/postgres   PostgreSQL cluster        logDir/postgres.log   runDir/postgres.pid
 * dataDir/kafka      KRaft log dirs + config   logDir/kafka.log      runDir/kafka.pid
 * dataDir/keycloak   kc.home.dir (data in PostgreSQL database 'keycloak')  logDir/keycloak.log  runDir/keycloak.pid
 * }</pre>
 */
public final class LocalInfrastructure implements Infrastructure {

    public static final String KEYCLOAK_DATABASE = "keycloak";
    private static final Duration TIMEOUT = Duration.ofSeconds(Long.getLong("amity.start.timeout.seconds", 180));

    private final Builder config;
    private final LocalPostgres postgres;
    private final LocalKafka kafka;
    private final LocalKeycloak keycloak;
    private final Path keycloakSnapshot;
    private volatile boolean started;

    private LocalInfrastructure(Builder b) {
        this.config = b;
        Path tools = b.toolsDir != null ? b.toolsDir : Tools.dir();
        Path logs = b.logDir != null ? b.logDir : b.dataDir.resolve("logs");
        Path run = b.runDir != null ? b.runDir : b.dataDir.resolve("run");
        this.postgres = new LocalPostgres(tools, b.dataDir.resolve("postgres"), logs.resolve("postgres.log"),
                run.resolve("postgres.pid"), b.postgresPort, b.durable);
        this.kafka = new LocalKafka(tools, b.dataDir.resolve("kafka"), logs.resolve("kafka.log"),
                run.resolve("kafka.pid"), b.kafkaPort, b.kafkaControllerPort, b.kafkaHeap);
        this.keycloak = new LocalKeycloak(tools, b.dataDir.resolve("keycloak"), logs.resolve("keycloak.log"),
                run.resolve("keycloak.pid"), b.keycloakPort, b.keycloakManagementPort,
                postgresJdbcUrl(KEYCLOAK_DATABASE), KEYCLOAK_DATABASE, KEYCLOAK_DATABASE);
        this.keycloakSnapshot = b.keycloakSnapshot
                ? tools.resolve("cache/postgres-keycloak-" + LocalKeycloak.databaseFingerprint()) : null;
        if (b.stopOnJvmExit) {
            Runtime.getRuntime().addShutdownHook(new Thread(this::close, "amity-infrastructure-stop"));
        }
    }

    public static Builder builder(Path dataDir) {
        return new Builder(dataDir);
    }

    @Override
    public synchronized void start() {
        if (started) {
            return;
        }
        long t0 = System.nanoTime();
        if (keycloakSnapshot != null && !postgres.initialised() && postgres.running().isEmpty()
                && Files.isDirectory(keycloakSnapshot)) {
            postgres.seedFrom(keycloakSnapshot);
            config.progress.accept("postgres  seeded with the cached, already imported Keycloak database ("
                    + keycloakSnapshot.getFileName() + ")");
        }
        step("postgres", "port " + config.postgresPort, () -> postgres.start());
        ensureDatabase(KEYCLOAK_DATABASE, KEYCLOAK_DATABASE, KEYCLOAK_DATABASE);
        // Kafka and Keycloak in parallel, on threads of their own (the common pool may have a single thread)
        ExecutorService pool = Executors.newFixedThreadPool(2, r -> new Thread(r, "amity-infrastructure-start"));
        try {
            Future<?> kafkaStarted = pool.submit(() -> step("kafka",
                    "port " + config.kafkaPort + ", controller " + config.kafkaControllerPort,
                    () -> kafka.start(TIMEOUT)));
            Future<?> keycloakStarted = pool.submit(() -> {
                if (keycloak.running().isEmpty()) {
                    long b0 = System.nanoTime();
                    if (keycloak.ensureBuilt(keycloak.log().resolveSibling("keycloak-build.log"))) {
                        config.progress.accept(String.format("keycloak  built for PostgreSQL (once) in %.1f s",
                                seconds(b0)));
                    }
                }
                step("keycloak", "port " + config.keycloakPort + ", management " + config.keycloakManagementPort,
                        () -> keycloak.start(TIMEOUT));
            });
            join(kafkaStarted);
            join(keycloakStarted);
        } finally {
            pool.shutdownNow();
        }
        started = true;
        if (config.stopOnJvmExit) {
            startWatchdog();
        }
        config.progress.accept(String.format("infrastructure ready in %.1f s", seconds(t0)));
    }

    /**
     * The shutdown hook does not run when this JVM is killed (e.g. a test fork killed by a timeout): a small shell
     * loop then stops what this instance started, so that no orphaned processes are left behind.
     */
    private void startWatchdog() {
        List<String> pids = new ArrayList<>();
        if (keycloak.startedHere()) {
            keycloak.running().ifPresent(p -> pids.add(Long.toString(p.pid())));
        }
        if (kafka.startedHere()) {
            kafka.running().ifPresent(p -> pids.add(Long.toString(p.pid())));
        }
        String postmaster = postgres.startedHere()
                ? postgres.running().map(p -> Long.toString(p.pid())).orElse("") : "";
        if (pids.isEmpty() && postmaster.isEmpty()) {
            return;
        }
        String jvms = String.join(" ", pids);
        String script = "while kill -0 " + ProcessHandle.current().pid() + " 2>/dev/null; do sleep 2; done; "
                + (jvms.isEmpty() ? "" : "kill -TERM " + jvms + " 2>/dev/null; sleep 5; kill -KILL " + jvms
                        + " 2>/dev/null; ")
                + (postmaster.isEmpty() ? "" : "kill -INT " + postmaster + " 2>/dev/null; ")
                + "exit 0";
        Path log = keycloak.log().resolveSibling("watchdog.log");
        Procs.spawn(List.of("/bin/sh", "-c", script), config.dataDir, java.util.Map.of(), log);
    }

    private static void join(Future<?> future) {
        try {
            future.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new InfrastructureException(e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InfrastructureException("interrupted while starting the infrastructure");
        }
    }

    private interface Starter {
        boolean start();
    }

    private void step(String component, String where, Starter starter) {
        long t0 = System.nanoTime();
        config.progress.accept(String.format("%-9s starting (%s)", component, where));
        boolean fresh = starter.start();
        config.progress.accept(String.format("%-9s %s in %.1f s", component, fresh ? "ready" : "already running, ready",
                seconds(t0)));
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    @Override
    public String postgresJdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + config.postgresPort + "/" + database;
    }

    @Override
    public void ensureDatabase(String database, String owner, String password) {
        Databases.ensure(postgresJdbcUrl("postgres"), LocalPostgres.SUPERUSER, LocalPostgres.SUPERUSER_PASSWORD,
                database, owner, password);
    }

    @Override
    public String kafkaBootstrapServers() {
        return "localhost:" + config.kafkaPort;
    }

    @Override
    public String keycloakUrl() {
        return "http://localhost:" + config.keycloakPort;
    }

    public int postgresPort() {
        return config.postgresPort;
    }

    public int kafkaPort() {
        return config.kafkaPort;
    }

    public int keycloakPort() {
        return config.keycloakPort;
    }

    public int keycloakManagementPort() {
        return config.keycloakManagementPort;
    }

    /** Stops only the components this instance started (Keycloak, Kafka, then PostgreSQL). */
    @Override
    public synchronized void close() {
        shutdown(keycloak.startedHere(), kafka.startedHere(), postgres.startedHere(),
                started && keycloak.startedHere() && postgres.startedHere());
        if (config.deleteDataOnClose) {
            for (String dir : List.of("postgres", "kafka", "keycloak")) {
                deleteTree(config.dataDir.resolve(dir));
            }
        }
    }

    /** Stops every component found running on this instance's directories, whoever started it. */
    public synchronized void stopAll() {
        shutdown(true, true, true, true);
    }

    private void shutdown(boolean stopKeycloak, boolean stopKafka, boolean stopPostgres, boolean snapshotAllowed) {
        // creating the snapshot drops every other database: never on durable (./amity up) data
        boolean snapshot = snapshotAllowed && !config.durable && stopPostgres && keycloakSnapshot != null
                && !Files.exists(keycloakSnapshot) && postgres.running().isPresent();
        // throwaway data: no need to wait long for a graceful shutdown
        Duration grace = config.durable ? Duration.ofSeconds(30) : Duration.ofSeconds(5);
        List<Thread> jvms = new ArrayList<>();
        if (stopKeycloak) {
            jvms.add(Thread.ofPlatform().name("amity-stop-keycloak").start(() -> keycloak.stop(grace)));
        }
        if (stopKafka) {
            jvms.add(Thread.ofPlatform().name("amity-stop-kafka").start(() -> kafka.stop(grace)));
        }
        for (Thread t : jvms) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (snapshot) {
            snapshot = dropDatabasesButKeycloak();
        }
        if (stopPostgres) {
            postgres.stop();
        }
        if (snapshot && postgres.snapshotTo(keycloakSnapshot)) {
            config.progress.accept("postgres  cached the imported Keycloak database for later fresh starts ("
                    + keycloakSnapshot + ")");
        }
        started = false;
    }

    /**
     * Leaves only what a fresh start needs in the cluster: the Keycloak database, if it holds the imported realm.
     */
    private boolean dropDatabasesButKeycloak() {
        try (java.sql.Connection k = Databases.connect(postgresJdbcUrl(KEYCLOAK_DATABASE), LocalPostgres.SUPERUSER,
                LocalPostgres.SUPERUSER_PASSWORD); java.sql.Statement q = k.createStatement();
                java.sql.ResultSet realm = q.executeQuery("SELECT 1 FROM realm WHERE name = 'amity'")) {
            if (!realm.next()) {
                return false;
            }
        } catch (java.sql.SQLException e) {
            return false;
        }
        try (java.sql.Connection c = Databases.connect(postgresJdbcUrl("postgres"), LocalPostgres.SUPERUSER,
                LocalPostgres.SUPERUSER_PASSWORD); java.sql.Statement s = c.createStatement()) {
            List<String> others = new ArrayList<>();
            try (java.sql.ResultSet rs = s.executeQuery("SELECT datname FROM pg_database WHERE datname NOT IN "
                    + "('postgres', 'template0', 'template1', '" + KEYCLOAK_DATABASE + "')")) {
                while (rs.next()) {
                    others.add(rs.getString(1));
                }
            }
            for (String db : others) {
                s.execute("DROP DATABASE \"" + db.replace("\"", "\"\"") + "\" WITH (FORCE)");
            }
            return true;
        } catch (java.sql.SQLException e) {
            return false; // only a cache
        }
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (var s = Files.walk(dir)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // best effort
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Ports default to the ones of {@code ./amity up}. */
    public static final class Builder {
        private final Path dataDir;
        private Path logDir;
        private Path runDir;
        private Path toolsDir;
        private int postgresPort = 5432;
        private int kafkaPort = 9092;
        private int kafkaControllerPort = 9093;
        private int keycloakPort = 8180;
        private int keycloakManagementPort = 9000;
        private boolean durable = true;
        private boolean stopOnJvmExit;
        private boolean deleteDataOnClose;
        private boolean keycloakSnapshot;
        private String kafkaHeap = "-Xms128m -Xmx512m";
        private Consumer<String> progress = line -> System.err.println("[amity] " + line);

        private Builder(Path dataDir) {
            this.dataDir = Objects.requireNonNull(dataDir).toAbsolutePath().normalize();
        }

        public Builder logDir(Path dir) {
            this.logDir = dir.toAbsolutePath().normalize();
            return this;
        }

        public Builder runDir(Path dir) {
            this.runDir = dir.toAbsolutePath().normalize();
            return this;
        }

        public Builder toolsDir(Path dir) {
            this.toolsDir = dir.toAbsolutePath().normalize();
            return this;
        }

        public Builder postgresPort(int port) {
            this.postgresPort = port;
            return this;
        }

        public Builder kafkaPorts(int port, int controllerPort) {
            this.kafkaPort = port;
            this.kafkaControllerPort = controllerPort;
            return this;
        }

        public Builder keycloakPorts(int port, int managementPort) {
            this.keycloakPort = port;
            this.keycloakManagementPort = managementPort;
            return this;
        }

        /** Free ephemeral ports for all five listeners. */
        public Builder randomPorts() {
            return postgresPort(Procs.freePort()).kafkaPorts(Procs.freePort(), Procs.freePort())
                    .keycloakPorts(Procs.freePort(), Procs.freePort());
        }

        /** false: PostgreSQL without fsync (throwaway test data). Only applies when the cluster is created. */
        public Builder durable(boolean durable) {
            this.durable = durable;
            return this;
        }

        public Builder stopOnJvmExit(boolean stop) {
            this.stopOnJvmExit = stop;
            return this;
        }

        /** Delete the PostgreSQL, Kafka and Keycloak data (not the logs) after {@link #close()}. */
        public Builder deleteDataOnClose(boolean delete) {
            this.deleteDataOnClose = delete;
            return this;
        }

        /**
         * Seed a new cluster from a cached copy of an already imported Keycloak database (in {@code <tools>/cache},
         * keyed by versions and realm file); when stopping a non-{@link #durable(boolean) durable} instance whose
         * copy is missing, create it (all databases but Keycloak's are dropped first). Saves Keycloak's
         * schema creation and realm import (15 s or more) on every later fresh start.
         */
        public Builder keycloakSnapshot(boolean use) {
            this.keycloakSnapshot = use;
            return this;
        }

        public Builder kafkaHeap(String jvmOptions) {
            this.kafkaHeap = jvmOptions;
            return this;
        }

        public Builder progress(Consumer<String> progress) {
            this.progress = Objects.requireNonNull(progress);
            return this;
        }

        public LocalInfrastructure build() {
            return new LocalInfrastructure(this);
        }
    }
}
