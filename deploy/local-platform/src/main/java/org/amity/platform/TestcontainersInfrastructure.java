package org.amity.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;

import org.amity.platform.internal.Databases;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.images.builder.Transferable;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The same three components as containers ({@code postgres:17}, {@code apache/kafka:4.1.1},
 * {@code keycloak/keycloak:26.7.3} with the amity realm). Needs a Docker engine: selected only with
 * {@code -Damity.infra=testcontainers}. Keycloak runs without a fixed hostname, so the issuer follows the mapped port
 * that both the tests and the services use.
 */
public final class TestcontainersInfrastructure implements Infrastructure {

    private static final String SUPERUSER = "postgres";
    private static final String SUPERUSER_PASSWORD = "postgres";

    private final PostgreSQLContainer postgres = new PostgreSQLContainer("postgres:17")
            .withUsername(SUPERUSER).withPassword(SUPERUSER_PASSWORD).withDatabaseName("postgres")
            .withCommand("postgres", "-c", "max_connections=300", "-c", "fsync=off");
    private final KafkaContainer kafka = new KafkaContainer("apache/kafka:4.1.1")
            .withEnv("KAFKA_NUM_PARTITIONS", "3")
            .withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "true")
            .withEnv("KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS", "0");
    private final GenericContainer<?> keycloak = new GenericContainer<>("keycloak/keycloak:26.7.3")
            .withExposedPorts(8080, 9000)
            .withEnv("KC_BOOTSTRAP_ADMIN_USERNAME", "admin")
            .withEnv("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin")
            .withEnv("KC_HEALTH_ENABLED", "true")
            .withCopyToContainer(Transferable.of(realmJson()), "/opt/keycloak/data/import/amity-realm.json")
            .withCommand("start-dev", "--import-realm")
            .waitingFor(Wait.forHttp("/health/ready").forPort(9000).forStatusCode(200)
                    .withStartupTimeout(Duration.ofMinutes(3)));
    private volatile boolean started;

    @Override
    public synchronized void start() {
        if (started) {
            return;
        }
        postgres.start();
        kafka.start();
        keycloak.start();
        started = true;
    }

    @Override
    public String postgresJdbcUrl(String database) {
        return "jdbc:postgresql://" + postgres.getHost() + ":" + postgres.getMappedPort(5432) + "/" + database;
    }

    @Override
    public void ensureDatabase(String database, String owner, String password) {
        Databases.ensure(postgresJdbcUrl("postgres"), SUPERUSER, SUPERUSER_PASSWORD, database, owner, password);
    }

    @Override
    public String kafkaBootstrapServers() {
        return kafka.getBootstrapServers();
    }

    @Override
    public String keycloakUrl() {
        return "http://" + keycloak.getHost() + ":" + keycloak.getMappedPort(8080);
    }

    @Override
    public synchronized void close() {
        keycloak.stop();
        kafka.stop();
        postgres.stop();
        started = false;
    }

    private static byte[] realmJson() {
        try (InputStream in = TestcontainersInfrastructure.class.getResourceAsStream("/org/amity/platform/amity-realm.json")) {
            if (in == null) {
                throw new IllegalStateException("amity-realm.json missing from the local-platform jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
