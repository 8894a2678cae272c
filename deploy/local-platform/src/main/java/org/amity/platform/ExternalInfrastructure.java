package org.amity.platform;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import org.amity.platform.internal.Databases;
import org.amity.platform.internal.HttpProbe;

/**
 * Infrastructure that is already running (e.g. started by {@code ./amity test} or {@code ./amity up}). From system
 * properties: {@code amity.postgres.port} (5432), {@code amity.postgres.host} (localhost), {@code amity.postgres.user}
 * / {@code amity.postgres.password} (the superuser, postgres/postgres), {@code amity.kafka.bootstrap}
 * (localhost:9092), {@code amity.keycloak.url} (http://localhost:8180). {@link #start()} only waits until all three
 * answer; {@link #close()} stops nothing.
 */
public final class ExternalInfrastructure implements Infrastructure {


    private final String postgresHost;
    private final int postgresPort;
    private final String postgresUser;
    private final String postgresPassword;
    private final String kafkaBootstrap;
    private final String keycloakUrl;
    private volatile boolean started;

    public ExternalInfrastructure(String postgresHost, int postgresPort, String postgresUser, String postgresPassword,
            String kafkaBootstrap, String keycloakUrl) {
        this.postgresHost = postgresHost;
        this.postgresPort = postgresPort;
        this.postgresUser = postgresUser;
        this.postgresPassword = postgresPassword;
        this.kafkaBootstrap = kafkaBootstrap;
        this.keycloakUrl = keycloakUrl.endsWith("/") ? keycloakUrl.substring(0, keycloakUrl.length() - 1) : keycloakUrl;
    }

    public static ExternalInfrastructure fromSystemProperties() {
        return new ExternalInfrastructure(
                System.getProperty("amity.postgres.host", "localhost"),
                Integer.parseInt(System.getProperty("amity.postgres.port", "5432")),
                System.getProperty("amity.postgres.user", "postgres"),
                System.getProperty("amity.postgres.password", "postgres"),
                System.getProperty("amity.kafka.bootstrap", "localhost:9092"),
                System.getProperty("amity.keycloak.url", "http://localhost:8180"));
    }

    @Override
    public void start() {
        if (started) {
            return;
        }
        Duration timeout = Duration.ofSeconds(Long.getLong("amity.start.timeout.seconds", 60));
        await("postgres at " + postgresHost + ":" + postgresPort, timeout,
                () -> Databases.canConnect(postgresJdbcUrl("postgres"), postgresUser, postgresPassword));
        await("kafka at " + kafkaBootstrap, timeout, this::kafkaReachable);
        await("keycloak realm at " + realmUrl(), timeout,
                () -> HttpProbe.status(realmUrl() + "/.well-known/openid-configuration") == 200);
        started = true;
    }

    @Override
    public String postgresJdbcUrl(String database) {
        return "jdbc:postgresql://" + postgresHost + ":" + postgresPort + "/" + database;
    }

    @Override
    public void ensureDatabase(String database, String owner, String password) {
        Databases.ensure(postgresJdbcUrl("postgres"), postgresUser, postgresPassword, database, owner, password);
    }

    @Override
    public String kafkaBootstrapServers() {
        return kafkaBootstrap;
    }

    @Override
    public String keycloakUrl() {
        return keycloakUrl;
    }

    @Override
    public void close() {
        // not ours to stop
    }

    private boolean kafkaReachable() {
        String first = kafkaBootstrap.split(",")[0].trim();
        int colon = first.lastIndexOf(':');
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(first.substring(0, colon), Integer.parseInt(first.substring(colon + 1))),
                    1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }


    private static void await(String what, Duration timeout, BooleanSupplier ready) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!ready.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new InfrastructureException(what + " is not reachable after " + timeout.toSeconds()
                        + " s (amity.infra=external expects it running: ./amity up, or ./amity test)");
            }
            LockSupport.parkNanos(Duration.ofMillis(250).toNanos());
        }
    }
}
