package org.amity.platform.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.amity.platform.InfrastructureException;

/**
 * Keycloak from the distribution that the build unpacked into {@code <tools>/keycloak-<version>}, built once for
 * PostgreSQL ({@code kc.sh build}) and started with {@code start --optimized}. Each instance gets its own
 * {@code kc.home.dir} (its data, import directory and transaction log; {@code lib} links to the shared
 * distribution), so two Keycloaks can run side by side from one distribution.
 */
public final class LocalKeycloak {

    /** Build-time options: changing them re-runs {@code kc.sh build}. */
    private static final List<String> BUILD_OPTIONS = List.of("--db=postgres", "--health-enabled=true", "--cache=local");
    private static final String REALM_RESOURCE = "/org/amity/platform/amity-realm.json";

    private final Path install;
    private final Path home;
    private final Path log;
    private final Path pidFile;
    private final int port;
    private final int managementPort;
    private final String dbUrl;
    private final String dbUser;
    private final String dbPassword;
    private boolean startedHere;
    private ClassDataSharing.Options cds;

    public LocalKeycloak(Path toolsDir, Path home, Path log, Path pidFile, int port, int managementPort,
            String dbUrl, String dbUser, String dbPassword) {
        this.install = toolsDir.resolve("keycloak-" + Tools.keycloakVersion());
        this.home = home.toAbsolutePath();
        this.log = log;
        this.pidFile = pidFile;
        this.port = port;
        this.managementPort = managementPort;
        this.dbUrl = dbUrl;
        this.dbUser = dbUser;
        this.dbPassword = dbPassword;
    }

    /**
     * Identifies what a Keycloak database holds right after the realm import: Keycloak and PostgreSQL versions,
     * build options and the realm file. Used to name cached database snapshots.
     */
    public static String databaseFingerprint() {
        try (InputStream realm = LocalKeycloak.class.getResourceAsStream(REALM_RESOURCE)) {
            java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
            sha.update((Tools.keycloakVersion() + "|" + Tools.postgresVersion() + "|" + BUILD_OPTIONS + "|")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            sha.update(realm == null ? new byte[0] : realm.readAllBytes());
            return java.util.HexFormat.of().formatHex(sha.digest()).substring(0, 16);
        } catch (IOException | java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public Path log() {
        return log;
    }

    public Optional<ProcessHandle> running() {
        return Procs.alive(pidFile, "-Dkc.home.dir=" + home);
    }

    /** Builds the distribution if needed, so that a later start is fast. Returns true if it had to build. */
    public boolean ensureBuilt(Path buildLog) {
        Path marker = install.resolve(".amity-build");
        String wanted = String.join(" ", BUILD_OPTIONS);
        if (!Files.isRegularFile(install.resolve("lib/quarkus-run.jar"))) {
            throw new InfrastructureException("keycloak: distribution " + install + " is missing: build the platform "
                    + "(./mvnw -f deploy/local-platform/pom.xml package -DskipTests, or ./amity up)");
        }
        try {
            if (wanted.equals(readQuietly(marker))) {
                return false;
            }
            try (FileChannel ch = FileChannel.open(install.resolve(".amity-build.lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE); FileLock ignored = ch.lock()) {
                if (wanted.equals(readQuietly(marker))) {
                    return false;
                }
                List<String> cmd = new ArrayList<>(jvm(install, "-Xms64m -Xmx512m"));
                cmd.add("build");
                cmd.addAll(BUILD_OPTIONS);
                int rc = Procs.run(cmd, install, Map.of(), buildLog, Duration.ofMinutes(5));
                if (rc != 0) {
                    throw new InfrastructureException("keycloak: 'kc.sh build' failed (exit " + rc + "); see " + buildLog
                            + "\n" + Procs.tail(buildLog, 20));
                }
                Files.writeString(marker, wanted);
                return true;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts Keycloak and waits until it is ready and serves the amity realm; false when it was already running. */
    public boolean start(Duration timeout) {
        Optional<ProcessHandle> existing = running();
        if (existing.isPresent()) {
            Procs.await("keycloak", log, timeout, existing.get(), this::ready);
            return false;
        }
        Procs.deleteQuietly(pidFile);
        Procs.requirePortFree("keycloak", port);
        Procs.requirePortFree("keycloak management", managementPort);
        prepareHome();
        // C1 only: halves the CPU of a start (Keycloak serves few requests here: services verify tokens locally)
        cds = ClassDataSharing.options(install.resolve("cds"), "keycloak");
        List<String> cmd = new ArrayList<>(jvm(home, "-Xms64m -Xmx512m -XX:TieredStopAtLevel=1 " + cds.jvmOptions()));
        cmd.addAll(List.of("start", "--optimized",
                "--http-enabled=true", "--http-host=127.0.0.1", "--http-port=" + port,
                "--http-management-port=" + managementPort,
                "--hostname=http://localhost:" + port, "--hostname-strict=false",
                "--db-url=" + dbUrl, "--db-username=" + dbUser, "--db-password=" + dbPassword,
                "--db-pool-initial-size=2", "--db-pool-min-size=2", "--db-pool-max-size=20",
                "--log-console-color=false", "--import-realm"));
        Map<String, String> env = Map.of(
                // development-only bootstrap administrator of the master realm
                "KC_BOOTSTRAP_ADMIN_USERNAME", "admin",
                "KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
        Process p = Procs.spawn(cmd, home, env, log);
        Procs.writePid(pidFile, p.pid());
        cds.spawned(p.pid());
        startedHere = true;
        Procs.await("keycloak", log, timeout, p.toHandle(), this::ready);
        return true;
    }

    public boolean startedHere() {
        return startedHere;
    }

    public void stop(Duration grace) {
        running().ifPresent(p -> Procs.stop(p, grace));
        Procs.deleteQuietly(pidFile);
    }

    private boolean ready() {
        return HttpProbe.status("http://localhost:" + managementPort + "/health/ready") == 200
                && HttpProbe.status("http://localhost:" + port + "/realms/amity/.well-known/openid-configuration") == 200;
    }


    private void prepareHome() {
        try {
            Files.createDirectories(home.resolve("data/import"));
            Files.createDirectories(home.resolve("conf"));
            Files.createDirectories(home.resolve("providers"));
            Path lib = home.resolve("lib");
            if (!Files.exists(lib) || !Files.isSameFile(lib, install.resolve("lib"))) {
                Files.deleteIfExists(lib);
                Files.createSymbolicLink(lib, install.resolve("lib"));
            }
            try (InputStream realm = LocalKeycloak.class.getResourceAsStream(REALM_RESOURCE)) {
                if (realm == null) {
                    throw new InfrastructureException("keycloak: realm file missing from the local-platform jar");
                }
                Files.copy(realm, home.resolve("data/import/amity-realm.json"), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("keycloak: cannot prepare " + home, e);
        }
    }

    /** The java command line of kc.sh, with {@code kc.home.dir} pointing at {@code homeDir}. */
    private List<String> jvm(Path homeDir, String heap) {
        List<String> cmd = new ArrayList<>(List.of(Tools.java()));
        cmd.addAll(List.of(heap.trim().split("\\s+")));
        cmd.addAll(List.of("-XX:MetaspaceSize=96M", "-XX:MaxMetaspaceSize=256m", "-XX:+UseG1GC",
                "-XX:+ExitOnOutOfMemoryError", "-Dfile.encoding=UTF-8", "-Djava.security.egd=file:/dev/urandom",
                "--add-opens=java.base/java.util=ALL-UNNAMED",
                "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
                "--add-opens=java.base/java.security=ALL-UNNAMED", "--add-opens=java.base/java.lang=ALL-UNNAMED",
                "--enable-native-access=ALL-UNNAMED", "-Duser.language=en", "-Duser.country=US",
                "-Djava.util.concurrent.ForkJoinPool.common.threadFactory="
                        + "io.quarkus.bootstrap.forkjoin.QuarkusForkJoinWorkerThreadFactory",
                "-Dkc.home.dir=" + homeDir, "-Djboss.server.config.dir=" + homeDir.resolve("conf"),
                "-Djava.util.logging.manager=org.jboss.logmanager.LogManager", "-Dpicocli.disable.closures=true",
                "-Dquarkus-log-max-startup-records=10000",
                "-cp", install.resolve("lib/quarkus-run.jar").toString(),
                "io.quarkus.bootstrap.runner.QuarkusEntryPoint"));
        return cmd;
    }

    private static String readQuietly(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.readString(file).trim() : "";
        } catch (IOException e) {
            return "";
        }
    }
}
