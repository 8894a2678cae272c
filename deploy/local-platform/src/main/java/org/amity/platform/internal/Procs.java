package org.amity.platform.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import org.amity.platform.InfrastructureException;

/** Process, pid-file and port helpers shared by the local components. */
public final class Procs {

    private static final Path DEV_NULL = Path.of("/dev/null");

    private Procs() {
    }

    /** Starts {@code command} in its own session (survives the launcher), output appended to {@code log}. */
    public static Process spawn(List<String> command, Path workDir, Map<String, String> env, Path log) {
        List<String> full = new ArrayList<>();
        if (Files.isExecutable(Path.of("/usr/bin/setsid"))) {
            full.add("/usr/bin/setsid"); // execs in place: the pid stays the same
        }
        full.addAll(command);
        ProcessBuilder pb = new ProcessBuilder(full).directory(workDir.toFile());
        cleanEnvironment(pb.environment());
        pb.environment().putAll(env);
        pb.redirectErrorStream(true);
        pb.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        if (Files.exists(DEV_NULL)) {
            pb.redirectInput(DEV_NULL.toFile());
        }
        try {
            Files.createDirectories(log.getParent());
            return pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command.get(0), e);
        }
    }

    /** Runs {@code command} to completion (output appended to {@code log}); returns its exit code. */
    public static int run(List<String> command, Path workDir, Map<String, String> env, Path log, Duration timeout) {
        ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile());
        cleanEnvironment(pb.environment());
        pb.environment().putAll(env);
        pb.redirectErrorStream(true);
        pb.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        try {
            Files.createDirectories(log.getParent());
            Process p = pb.start();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                return -1;
            }
            return p.exitValue();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command.get(0), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InfrastructureException("interrupted while running " + command.get(0));
        }
    }

    /** Settings of the caller's shell that would leak into Keycloak, Kafka or PostgreSQL. */
    private static void cleanEnvironment(Map<String, String> env) {
        env.keySet().removeIf(k -> k.startsWith("KC_") || k.startsWith("QUARKUS_") || k.startsWith("KAFKA_")
                || k.startsWith("PG") || k.equals("JAVA_TOOL_OPTIONS") || k.equals("JDK_JAVA_OPTIONS")
                || k.equals("JAVA_OPTS") || k.equals("_JAVA_OPTIONS") || k.equals("CLASSPATH"));
    }

    /** The live process whose pid is in {@code pidFile} and whose command line contains {@code marker}. */
    public static Optional<ProcessHandle> alive(Path pidFile, String marker) {
        return readPid(pidFile).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive)
                .filter(p -> p.info().commandLine().map(c -> c.contains(marker)).orElse(true));
    }

    public static Optional<Long> readPid(Path pidFile) {
        try {
            if (!Files.isRegularFile(pidFile)) {
                return Optional.empty();
            }
            String first = Files.readAllLines(pidFile, StandardCharsets.UTF_8).stream().findFirst().orElse("").trim();
            return first.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(first));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Writes the pid file atomically (readers never see it empty). */
    public static void writePid(Path pidFile, long pid) {
        try {
            Files.createDirectories(pidFile.getParent());
            Path tmp = Files.createTempFile(pidFile.getParent(), ".pid", ".tmp");
            Files.writeString(tmp, pid + "\n");
            Files.move(tmp, pidFile, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Creates {@code pidFile} holding our pid only if it does not exist yet, atomically; false if it exists. */
    public static boolean createPidFileExclusively(Path pidFile) throws IOException {
        Files.createDirectories(pidFile.getParent());
        Path tmp = Files.createTempFile(pidFile.getParent(), ".pid", ".tmp");
        try {
            Files.writeString(tmp, ProcessHandle.current().pid() + "\n");
            Files.createLink(pidFile, tmp);
            return true;
        } catch (java.nio.file.FileAlreadyExistsException e) {
            return false;
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    public static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // best effort
        }
    }

    /** SIGTERM, then SIGKILL after {@code grace}; also kills descendants that outlive it. */
    public static void stop(ProcessHandle process, Duration grace) {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        try {
            process.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception timeoutOrInterrupt) {
            process.destroyForcibly();
            try {
                process.onExit().get(5, TimeUnit.SECONDS);
            } catch (Exception ignored) {
                // gone or unkillable: nothing more to do
            }
        }
        children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    public static boolean portOpen(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    public static void requirePortFree(String component, int port) {
        if (portOpen(port)) {
            throw new InfrastructureException(component + ": port " + port
                    + " is already in use by another process (not one this launcher started)");
        }
    }

    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Polls {@code ready} every 100 ms until it holds; fails naming the component and its log when the deadline
     * passes or when {@code process} (if given) exits first.
     */
    public static void await(String component, Path log, Duration timeout, ProcessHandle process, BooleanSupplier ready) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (ready.getAsBoolean()) {
                return;
            }
            if (process != null && !process.isAlive()) {
                throw new InfrastructureException(component + " exited during start-up; see " + log + "\n" + tail(log, 25));
            }
            if (System.nanoTime() > deadline) {
                throw new InfrastructureException(component + " not ready after " + timeout.toSeconds() + " s; see " + log
                        + "\n" + tail(log, 25));
            }
            LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
            if (Thread.interrupted()) {
                throw new InfrastructureException("interrupted while waiting for " + component);
            }
        }
    }

    /** The last {@code lines} lines of {@code log}, indented, for error messages. */
    public static String tail(Path log, int lines) {
        try {
            if (!Files.isRegularFile(log)) {
                return "  (no log yet)";
            }
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            StringBuilder sb = new StringBuilder();
            for (String l : all.subList(Math.max(0, all.size() - lines), all.size())) {
                sb.append("  | ").append(l.length() > 400 ? l.substring(0, 400) + " ..." : l).append('\n');
            }
            return sb.toString();
        } catch (IOException | UncheckedIOException e) {
            return "  (log unreadable: " + e.getMessage() + ")";
        }
    }

    public static long size(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.size(file) : 0L;
        } catch (IOException e) {
            return 0L;
        }
    }

    /** Whether {@code text} occurs in {@code file} after byte {@code from}. */
    public static boolean logContains(Path file, long from, String text) {
        try {
            if (!Files.isRegularFile(file)) {
                return false;
            }
            byte[] all = Files.readAllBytes(file);
            if (all.length <= from) {
                return false;
            }
            return new String(all, (int) from, all.length - (int) from, StandardCharsets.UTF_8).contains(text);
        } catch (IOException e) {
            return false;
        }
    }
}
