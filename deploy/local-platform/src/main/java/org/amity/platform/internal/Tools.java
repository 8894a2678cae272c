package org.amity.platform.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/** Where the tools are (Keycloak, Kafka runtime, PostgreSQL binaries) and which versions this build expects. */
public final class Tools {

    private static final Properties BUILD = load();

    private Tools() {
    }

    public static String kafkaVersion() {
        return BUILD.getProperty("kafka.version");
    }

    public static String keycloakVersion() {
        return BUILD.getProperty("keycloak.version");
    }

    public static String postgresVersion() {
        return BUILD.getProperty("postgres.version");
    }

    /**
     * The tools directory: system property {@code amity.tools.dir}, environment {@code AMITY_TOOLS_DIR}, the nearest
     * {@code .amity/tools} above the working directory that holds this Keycloak, else the one of the build.
     */
    public static Path dir() {
        String configured = Optional.ofNullable(System.getProperty("amity.tools.dir"))
                .orElse(System.getenv("AMITY_TOOLS_DIR"));
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path candidate = p.resolve(".amity/tools");
            if (Files.isDirectory(candidate.resolve("keycloak-" + keycloakVersion()))) {
                return candidate.normalize();
            }
        }
        return Path.of(BUILD.getProperty("tools.dir")).toAbsolutePath().normalize();
    }

    /** The java launcher for child JVMs: {@code amity.java}, else the one running this JVM. */
    public static String java() {
        String configured = System.getProperty("amity.java");
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        Path own = Path.of(System.getProperty("java.home"), "bin", "java");
        return Files.isExecutable(own) ? own.toString()
                : ProcessHandle.current().info().command().orElse("java");
    }

    public static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = Tools.class.getResourceAsStream("/org/amity/platform/build.properties")) {
            if (in == null) {
                throw new IllegalStateException("build.properties missing from the local-platform jar");
            }
            p.load(in);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
