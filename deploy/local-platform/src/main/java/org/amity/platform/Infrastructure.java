package org.amity.platform;

/**
 * The real infrastructure the Amity services need: PostgreSQL, Kafka (KRaft) and Keycloak with the {@code amity}
 * realm. Implementations: {@link LocalInfrastructure} (plain OS processes, no Docker), {@link ExternalInfrastructure}
 * (already running, e.g. started by {@code ./amity test}) and {@link TestcontainersInfrastructure} (needs Docker).
 */
public interface Infrastructure extends AutoCloseable {

    /** Starts whatever is not running yet; idempotent; blocks until PostgreSQL, Kafka and Keycloak are healthy. */
    void start();

    /** {@code jdbc:postgresql://localhost:<port>/<database>}. */
    String postgresJdbcUrl(String database);

    /** Idempotent: a login role {@code owner} with {@code password} and a database {@code database} owned by it. */
    void ensureDatabase(String database, String owner, String password);

    /** {@code localhost:<port>}. */
    String kafkaBootstrapServers();

    /** {@code http://localhost:<port>}, without a trailing slash. */
    String keycloakUrl();

    /** The issuer of the {@code amity} realm: {@code http://localhost:<port>/realms/amity}. */
    default String realmUrl() {
        return keycloakUrl() + "/realms/amity";
    }

    /** Stops only what this instance started. */
    @Override
    void close();

    /**
     * The JVM-wide infrastructure for tests, started on first use and shared by every caller in this JVM (also
     * across class loaders). Chosen by system property {@code amity.infra} or environment variable
     * {@code AMITY_INFRA}: {@code local} (default: own processes on free ports in a fresh directory under
     * {@code target/}, stopped at JVM exit), {@code external} (see {@link ExternalInfrastructure}) or
     * {@code testcontainers}. Its {@link #close()} does nothing: the JVM's shutdown stops it.
     */
    static Infrastructure forTests() {
        return SharedTestInfrastructure.get();
    }
}
