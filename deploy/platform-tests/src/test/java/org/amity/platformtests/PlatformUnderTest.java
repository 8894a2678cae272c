package org.amity.platformtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.amity.platform.Infrastructure;

/**
 * The four packaged services ({@code services/<name>/target/quarkus-app}) running as their own
 * processes against the real infrastructure of {@link Infrastructure#forTests()}: the platform as
 * it runs in production, not in a test harness. One per JVM; stopped at JVM exit.
 */
public final class PlatformUnderTest {

    /**
     * Service name, its database. The databases are the platform tests' own: under {@code ./amity test} the
     * servers are shared with the services' component tests, whose data (sealed under another master key)
     * must not mix with these.
     */
    static final Map<String, String> SERVICES = new LinkedHashMap<>();
    static {
        SERVICES.put("intake", "e2e_intake");
        SERVICES.put("case", "e2e_casework");
        SERVICES.put("sharing", "e2e_sharing");
        SERVICES.put("analytics", "e2e_analytics");
    }

    /** LOCAL-TEST ONLY master key for the per-subject key store. */
    static final String TEST_MASTER_KEY = "dGVzdC1vbmx5LW1hc3Rlci1rZXktMzItYnl0ZXMhISE=";
    static final String KEYS_DATABASE = "e2e_amity_keys";

    private static PlatformUnderTest instance;

    private final Infrastructure infrastructure;
    private final Path root;
    private final Path logs;
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final Map<String, Process> processes = new LinkedHashMap<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private PlatformUnderTest(Infrastructure infrastructure) {
        this.infrastructure = infrastructure;
        this.root = Path.of(System.getProperty("amity.repository.root", "../..")).toAbsolutePath().normalize();
        this.logs = Path.of("target", "platform-logs").toAbsolutePath();
    }

    public static synchronized PlatformUnderTest get() {
        if (instance == null) {
            Infrastructure infrastructure = Infrastructure.forTests();
            PlatformUnderTest platform = new PlatformUnderTest(infrastructure);
            Runtime.getRuntime().addShutdownHook(new Thread(platform::stopAll, "platform-under-test-stop"));
            platform.startAll();
            instance = platform;
        }
        return instance;
    }

    public Infrastructure infrastructure() {
        return infrastructure;
    }

    public String url(String service) {
        return "http://localhost:" + ports.get(service);
    }

    /** Everything a service has logged in this run (its stdout and stderr). */
    public String log(String service) {
        try {
            Path file = logs.resolve(service + ".log");
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the log of " + service, e);
        }
    }

    /** The process id of a running service. */
    public long pid(String service) {
        Process process = processes.get(service);
        if (process == null) {
            throw new IllegalStateException(service + " is not running");
        }
        return process.pid();
    }

    public List<String> services() {
        return List.copyOf(SERVICES.keySet());
    }

    /** A JDBC connection to a service's own database, as that service's user. */
    public Connection database(String service) throws SQLException {
        String database = SERVICES.get(service);
        return DriverManager.getConnection(infrastructure.postgresJdbcUrl(database), database, database);
    }

    private void startAll() {
        try {
            Files.createDirectories(logs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Map.Entry<String, String> service : SERVICES.entrySet()) {
            infrastructure.ensureDatabase(service.getValue(), service.getValue(), service.getValue());
            ports.put(service.getKey(), freePort());
        }
        infrastructure.ensureDatabase(KEYS_DATABASE, KEYS_DATABASE, KEYS_DATABASE);
        SERVICES.keySet().forEach(this::start);
        SERVICES.keySet().forEach(this::awaitReady);
    }

    /** Starts (or restarts) one service process; returns without waiting for it to be ready. */
    public synchronized void start(String service) {
        Path jar = root.resolve("services").resolve(service).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: package the services first (./mvnw package)");
        }
        String database = SERVICES.get(service);
        ProcessBuilder builder = new ProcessBuilder(javaBinary(), "-Xmx256m", "-XX:+UseSerialGC",
                "-Djava.util.logging.manager=org.jboss.logmanager.LogManager", "-jar", jar.toString());
        Map<String, String> env = builder.environment();
        env.put("QUARKUS_HTTP_PORT", Integer.toString(ports.get(service)));
        env.put("QUARKUS_DATASOURCE_JDBC_URL", infrastructure.postgresJdbcUrl(database));
        env.put("QUARKUS_DATASOURCE_USERNAME", database);
        env.put("QUARKUS_DATASOURCE_PASSWORD", database);
        env.put("QUARKUS_DATASOURCE_KEYS_JDBC_URL", infrastructure.postgresJdbcUrl(KEYS_DATABASE));
        env.put("QUARKUS_DATASOURCE_KEYS_USERNAME", KEYS_DATABASE);
        env.put("QUARKUS_DATASOURCE_KEYS_PASSWORD", KEYS_DATABASE);
        env.put("KAFKA_BOOTSTRAP_SERVERS", infrastructure.kafkaBootstrapServers());
        env.put("QUARKUS_OIDC_AUTH_SERVER_URL", infrastructure.realmUrl());
        env.put("AMITY_KEYS_MASTER_KEY", TEST_MASTER_KEY);
        // the sharing service onboards partners through Keycloak's admin API (the test Keycloak's bootstrap admin)
        env.put("AMITY_KEYCLOAK_URL", infrastructure.keycloakUrl());
        env.put("AMITY_KEYCLOAK_ADMIN_USER", "admin");
        env.put("AMITY_KEYCLOAK_ADMIN_PASSWORD", "admin");
        builder.redirectErrorStream(true);
        builder.redirectOutput(ProcessBuilder.Redirect.appendTo(logs.resolve(service + ".log").toFile()));
        try {
            processes.put(service, builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + service, e);
        }
    }

    /** A graceful stop (SIGTERM), as an orchestrator stops a service: it shuts down while it works. */
    public synchronized void stop(String service) {
        Process process = processes.remove(service);
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** kill -9: the process gets no chance to finish anything. */
    public synchronized void kill(String service) {
        Process process = processes.remove(service);
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public void awaitReady(String service) {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(url(service) + "/q/health/ready"))
                .timeout(Duration.ofSeconds(2)).build();
        while (System.nanoTime() < deadline) {
            Process process = processes.get(service);
            if (process == null || !process.isAlive()) {
                throw new IllegalStateException(service + " exited during start-up; see " + logs.resolve(service + ".log"));
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted waiting for " + service, e);
            }
            try {
                // poll interval of a readiness probe against a separate process, not a test timing
                process.waitFor(200, java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        throw new IllegalStateException(service + " not ready within 120 s; see " + logs.resolve(service + ".log"));
    }

    private synchronized void stopAll() {
        processes.values().forEach(Process::destroy);
        for (Process process : processes.values()) {
            try {
                if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static String javaBinary() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
