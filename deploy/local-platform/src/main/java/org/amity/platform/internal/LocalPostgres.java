package org.amity.platform.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.amity.platform.InfrastructureException;

/**
 * A PostgreSQL cluster run with the real binaries through {@code initdb} and {@code pg_ctl}: the postmaster is a
 * daemon of its own and outlives the launcher. PostgreSQL refuses to run as root: when the launcher is root, the
 * binaries run as the {@code postgres} system user (or {@code nobody}) through {@code setpriv}.
 */
public final class LocalPostgres {

    public static final String SUPERUSER = "postgres";
    public static final String SUPERUSER_PASSWORD = "postgres";
    /**
     * System property with PostgreSQL settings for the run, over the conf file's, comma-separated: {@code
     * shared_buffers=1GB,fsync=on}. No setting may hold a comma or a space.
     */
    public static final String SERVER_SETTINGS = "amity.postgres.settings";
    /**
     * Given at every start, so that they hold for a cluster made before them or seeded from a cached one too. A
     * backend that writes out a page evicted from the shared buffers asks the kernel to write it back after every
     * 256 kB, as the checkpointer and the background writer do by default, instead of leaving it dirty for the
     * kernel's write-back of files dirty for 30 s, which wrote 90-210 MB in a second (docs/figures.md, intake, session
     * 24).
     */
    private static final List<String> START_SETTINGS = List.of("backend_flush_after=256kB");
    private static final List<String> THROWAWAY_SETTINGS = List.of("fsync = off", "synchronous_commit = off",
            "full_page_writes = off");

    private final Path binDir;
    private final Path dataDir;
    private final Path log;
    private final Path pidFile;
    private final int port;
    private final boolean durable;
    private final RunAs runAs;
    private boolean startedHere;

    public LocalPostgres(Path toolsDir, Path dataDir, Path log, Path pidFile, int port, boolean durable) {
        this.binDir = PostgresBinaries.ensure(toolsDir).resolve("bin");
        this.dataDir = dataDir;
        this.log = log;
        this.pidFile = pidFile;
        this.port = port;
        this.durable = durable;
        this.runAs = Tools.isRoot() ? RunAs.unprivileged() : null;
    }

    public Path log() {
        return log;
    }

    /** The running postmaster of this data directory, if any. */
    public Optional<ProcessHandle> running() {
        return Procs.readPid(dataDir.resolve("postmaster.pid")).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive);
    }

    /** Starts the cluster (initialising it first if new); returns false when it was already running. */
    public boolean start() {
        Optional<ProcessHandle> existing = running();
        if (existing.isPresent()) {
            if (runningPort() != port) {
                throw new InfrastructureException("postgres: the cluster in " + dataDir + " already runs on port "
                        + runningPort() + ", not " + port + "; stop it first");
            }
            Procs.writePid(pidFile, existing.get().pid());
            return false;
        }
        Procs.requirePortFree("postgres", port);
        try {
            Files.createDirectories(log.getParent());
            if (!Files.exists(log)) {
                Files.createFile(log);
            }
            if (runAs != null) {
                runAs.own(log);
            }
            if (!Files.isRegularFile(dataDir.resolve("PG_VERSION"))) {
                initdb();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // settings for one run, such as a benchmark's, over the conf file's and the start's own
        String options = Stream.concat(START_SETTINGS.stream(),
                        Arrays.stream(System.getProperty(SERVER_SETTINGS, "").split(",")))
                .map(String::trim).filter(setting -> !setting.isEmpty())
                .map(setting -> "-c " + setting).collect(Collectors.joining(" "));
        List<String> cmd = command(binDir.resolve("pg_ctl").toString(), "-D", dataDir.toString(), "-l", log.toString(),
                "-o", ("-p " + port + " " + options).trim(), "-w", "-t", "90", "start");
        int rc = Procs.run(cmd, dataDir, Map.of("LC_ALL", "C"), log.resolveSibling("postgres-ctl.log"),
                Duration.ofSeconds(100));
        Optional<ProcessHandle> pm = running();
        if (rc != 0 || pm.isEmpty()) {
            throw new InfrastructureException("postgres failed to start (pg_ctl exit " + rc + "); see " + log + "\n"
                    + Procs.tail(log, 20) + Procs.tail(log.resolveSibling("postgres-ctl.log"), 5));
        }
        Procs.writePid(pidFile, pm.get().pid());
        startedHere = true;
        return true;
    }

    public boolean startedHere() {
        return startedHere;
    }

    public void stop() {
        if (running().isEmpty()) {
            Procs.deleteQuietly(pidFile);
            return;
        }
        List<String> cmd = command(binDir.resolve("pg_ctl").toString(), "-D", dataDir.toString(), "-m", "fast", "-w",
                "-t", "30", "stop");
        Procs.run(cmd, dataDir, Map.of("LC_ALL", "C"), log.resolveSibling("postgres-ctl.log"), Duration.ofSeconds(40));
        running().ifPresent(p -> Procs.stop(p, Duration.ofSeconds(5)));
        Procs.deleteQuietly(pidFile);
    }

    /** Whether the data directory holds an initialised cluster. */
    public boolean initialised() {
        return Files.isRegularFile(dataDir.resolve("PG_VERSION"));
    }

    /** Seeds a not yet initialised data directory with a copy of a stopped cluster (see {@link #snapshotTo}). */
    public void seedFrom(Path snapshot) {
        try {
            Files.createDirectories(dataDir.getParent());
            Path tmp = Files.createTempDirectory(dataDir.getParent(), ".postgres-seed");
            copyTree(snapshot, tmp);
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwx------"));
            if (runAs != null) {
                try (var all = Files.walk(tmp)) {
                    for (Path p : all.toList()) {
                        runAs.own(p);
                    }
                }
            }
            Path conf = tmp.resolve("postgresql.conf");
            List<String> lines = Files.readAllLines(conf, StandardCharsets.UTF_8);
            lines.removeAll(THROWAWAY_SETTINGS);
            if (!durable) {
                lines.addAll(THROWAWAY_SETTINGS);
            }
            Files.write(conf, lines, StandardCharsets.UTF_8);
            PostgresBinaries.deleteTree(dataDir);
            Files.move(tmp, dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("postgres: cannot seed " + dataDir + " from " + snapshot, e);
        }
    }

    /**
     * Copies this (stopped) cluster to {@code target}, atomically: a concurrent writer of the same snapshot wins or
     * loses as a whole. Returns false if the cluster is running or the target exists already.
     */
    public boolean snapshotTo(Path target) {
        if (running().isPresent() || Files.exists(target) || !initialised()) {
            return false;
        }
        try {
            Files.createDirectories(target.getParent());
            Path tmp = Files.createTempDirectory(target.getParent(), ".snapshot");
            copyTree(dataDir, tmp);
            Files.deleteIfExists(tmp.resolve("postmaster.pid"));
            Files.deleteIfExists(tmp.resolve("postmaster.opts"));
            try {
                Files.move(tmp, target, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                return true;
            } catch (IOException raced) {
                PostgresBinaries.deleteTree(tmp);
                return false;
            }
        } catch (IOException e) {
            return false; // a cache: never fail the caller
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (var all = Files.walk(from)) {
            for (Path src : all.toList()) {
                Path dst = to.resolve(from.relativize(src).toString());
                if (Files.isDirectory(src, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    Files.createDirectories(dst);
                    Files.setPosixFilePermissions(dst, Files.getPosixFilePermissions(src));
                } else {
                    Files.copy(src, dst, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES,
                            java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.LinkOption.NOFOLLOW_LINKS);
                }
            }
        }
    }

    private int runningPort() {
        try {
            List<String> lines = Files.readAllLines(dataDir.resolve("postmaster.pid"), StandardCharsets.UTF_8);
            return lines.size() > 3 ? Integer.parseInt(lines.get(3).trim()) : -1;
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }

    private void initdb() throws IOException {
        Files.createDirectories(dataDir);
        Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwx------"));
        Path pwfile = dataDir.resolveSibling(dataDir.getFileName() + ".pwfile");
        Files.writeString(pwfile, SUPERUSER_PASSWORD + "\n");
        if (runAs != null) {
            runAs.own(dataDir);
            runAs.own(pwfile);
        }
        Path initLog = log.resolveSibling("postgres-initdb.log");
        List<String> cmd = command(binDir.resolve("initdb").toString(), "-D", dataDir.toString(), "-U", SUPERUSER,
                "--pwfile=" + pwfile, "--auth-local=trust", "--auth-host=scram-sha-256", "-E", "UTF8",
                "--locale=C", "--no-instructions");
        int rc = Procs.run(cmd, dataDir.getParent(), Map.of("LC_ALL", "C"), initLog, Duration.ofSeconds(120));
        Files.deleteIfExists(pwfile);
        if (rc != 0) {
            String hint = runAs == null ? "" : "\n  (running as root: PostgreSQL runs as user '" + runAs.name
                    + "', which must be able to reach " + dataDir + ")";
            throw new InfrastructureException("postgres: initdb failed (exit " + rc + "); see " + initLog + "\n"
                    + Procs.tail(initLog, 15) + hint);
        }
        List<String> conf = new ArrayList<>(List.of(
                "",
                "# --- Amity local platform ---",
                "listen_addresses = 'localhost'",
                "unix_socket_directories = ''",
                "max_connections = 300",
                "shared_buffers = 64MB",
                "log_min_messages = warning",
                "log_line_prefix = '%m [%p] %q%u@%d '"));
        if (!durable) {
            conf.addAll(THROWAWAY_SETTINGS);
        }
        Files.write(dataDir.resolve("postgresql.conf"), conf, StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND);
    }

    private List<String> command(String... args) {
        List<String> cmd = new ArrayList<>();
        if (runAs != null) {
            cmd.addAll(List.of("setpriv", "--reuid=" + runAs.uid, "--regid=" + runAs.gid, "--clear-groups"));
        }
        cmd.addAll(List.of(args));
        return cmd;
    }

    /** The unprivileged account PostgreSQL runs as when the launcher is root. */
    private record RunAs(String name, int uid, int gid) {

        static RunAs unprivileged() {
            try {
                List<String> passwd = Files.readAllLines(Path.of("/etc/passwd"), StandardCharsets.UTF_8);
                for (String wanted : List.of("postgres", "nobody")) {
                    for (String line : passwd) {
                        String[] f = line.split(":");
                        if (f.length > 3 && f[0].equals(wanted)) {
                            return new RunAs(wanted, Integer.parseInt(f[2]), Integer.parseInt(f[3]));
                        }
                    }
                }
            } catch (IOException | NumberFormatException e) {
                throw new InfrastructureException("postgres: running as root, and /etc/passwd is unreadable", e);
            }
            throw new InfrastructureException("postgres: running as root, and neither user 'postgres' nor 'nobody' exists");
        }

        void own(Path path) throws IOException {
            Files.setAttribute(path, "unix:uid", uid);
            Files.setAttribute(path, "unix:gid", gid);
        }
    }
}
