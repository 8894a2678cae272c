package org.amity.platform.testing;

import java.util.HashMap;
import java.util.Map;

import org.amity.platform.Infrastructure;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Points a {@code @QuarkusTest} at the real infrastructure of {@link Infrastructure#forTests()} (one per JVM, shared):
 *
 * <pre>{@code
 * @QuarkusTestResource(value = AmityInfrastructureResource.class, restrictToAnnotatedClass = false,
 *         initArgs = @ResourceArg(name = "database", value = "intake"))
 * }</pre>
 *
 * Ensures the service database (owner and password = its name) and the shared key store {@code amity_keys}, and
 * returns the datasource, named datasource {@code keys}, Kafka and OIDC settings. Stopping is left to the JVM's
 * shutdown, so that every test class of the module reuses the same processes.
 */
public class AmityInfrastructureResource implements QuarkusTestResourceLifecycleManager {

    public static final String KEYS_DATABASE = "amity_keys";

    private String database;

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.get("database");
        if (database == null || database.isBlank()) {
            throw new IllegalArgumentException("AmityInfrastructureResource needs initArgs = @ResourceArg(name = "
                    + "\"database\", value = \"<service database>\")");
        }
    }

    @Override
    public Map<String, String> start() {
        Infrastructure infra = Infrastructure.forTests();
        infra.ensureDatabase(database, database, database);
        infra.ensureDatabase(KEYS_DATABASE, KEYS_DATABASE, KEYS_DATABASE);
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.datasource.jdbc.url", infra.postgresJdbcUrl(database));
        config.put("quarkus.datasource.username", database);
        config.put("quarkus.datasource.password", database);
        config.put("quarkus.datasource.keys.jdbc.url", infra.postgresJdbcUrl(KEYS_DATABASE));
        config.put("quarkus.datasource.keys.username", KEYS_DATABASE);
        config.put("quarkus.datasource.keys.password", KEYS_DATABASE);
        config.put("kafka.bootstrap.servers", infra.kafkaBootstrapServers());
        config.put("quarkus.oidc.auth-server-url", infra.realmUrl());
        return config;
    }

    @Override
    public void stop() {
        // shared by every test class in this JVM: stopped by the JVM's shutdown (see Infrastructure.forTests())
    }
}
