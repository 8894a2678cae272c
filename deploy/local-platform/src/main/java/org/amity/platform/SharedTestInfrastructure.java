package org.amity.platform;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The JVM-wide test infrastructure behind {@link Infrastructure#forTests()}. Quarkus loads test classes and test
 * resources in several class loaders, so static fields are not enough to share one instance: the first caller starts
 * it and publishes its coordinates as system properties ({@code amity.shared.*}); callers from other class loaders
 * then see an {@link ExternalInfrastructure} pointing at the same processes. The lock is an interned string, the
 * same object in every class loader.
 */
final class SharedTestInfrastructure {

    private static final String LOCK = "org.amity.platform.SharedTestInfrastructure.lock";
    private static final String PREFIX = "amity.shared.";
    private static Infrastructure instance;

    private SharedTestInfrastructure() {
    }

    static Infrastructure get() {
        synchronized (LOCK.intern()) {
            if (instance != null) {
                return instance;
            }
            if (System.getProperty(PREFIX + "keycloak.url") == null) {
                Infrastructure real = create(mode());
                if (!(real instanceof LocalInfrastructure)) { // a LocalInfrastructure registers its own hook
                    Runtime.getRuntime().addShutdownHook(new Thread(real::close, "amity-test-infrastructure-stop"));
                }
                try {
                    real.start();
                } catch (RuntimeException e) {
                    real.close(); // don't leave half a platform running while the next test class retries
                    throw e;
                }
                publish(real);
            }
            ExternalInfrastructure view = new ExternalInfrastructure(
                    System.getProperty(PREFIX + "postgres.host"),
                    Integer.parseInt(System.getProperty(PREFIX + "postgres.port")),
                    System.getProperty(PREFIX + "postgres.user"),
                    System.getProperty(PREFIX + "postgres.password"),
                    System.getProperty(PREFIX + "kafka.bootstrap"),
                    System.getProperty(PREFIX + "keycloak.url"));
            view.start();
            instance = view;
            return view;
        }
    }

    static String mode() {
        String mode = System.getProperty("amity.infra");
        if (mode == null || mode.isBlank()) {
            mode = System.getenv("AMITY_INFRA");
        }
        return mode == null || mode.isBlank() ? "local" : mode.trim().toLowerCase(Locale.ROOT);
    }

    private static Infrastructure create(String mode) {
        return switch (mode) {
            case "external" -> ExternalInfrastructure.fromSystemProperties();
            case "testcontainers" -> new TestcontainersInfrastructure();
            case "local" -> {
                Path base = Path.of(System.getProperty("amity.test.dir", "target/amity-infra"));
                String run = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))
                        + "-" + ProcessHandle.current().pid();
                yield LocalInfrastructure.builder(base.resolve(run))
                        .randomPorts()
                        .durable(false)
                        .deleteDataOnClose(true)
                        .keycloakSnapshot(true)
                        .stopOnJvmExit(true)
                        .kafkaHeap("-Xms64m -Xmx384m -XX:TieredStopAtLevel=1")
                        .build();
            }
            default -> throw new InfrastructureException("amity.infra / AMITY_INFRA must be local, external or "
                    + "testcontainers, not '" + mode + "'");
        };
    }

    private static void publish(Infrastructure real) {
        String admin = real.postgresJdbcUrl("postgres"); // jdbc:postgresql://host:port/postgres
        String hostPort = admin.substring("jdbc:postgresql://".length(), admin.lastIndexOf('/'));
        int colon = hostPort.lastIndexOf(':');
        String user = "postgres";
        String password = "postgres";
        if (real instanceof ExternalInfrastructure) {
            user = System.getProperty("amity.postgres.user", user);
            password = System.getProperty("amity.postgres.password", password);
        }
        System.setProperty(PREFIX + "postgres.host", hostPort.substring(0, colon));
        System.setProperty(PREFIX + "postgres.port", hostPort.substring(colon + 1));
        System.setProperty(PREFIX + "postgres.user", user);
        System.setProperty(PREFIX + "postgres.password", password);
        System.setProperty(PREFIX + "kafka.bootstrap", real.kafkaBootstrapServers());
        System.setProperty(PREFIX + "keycloak.url", real.keycloakUrl());
    }
}
