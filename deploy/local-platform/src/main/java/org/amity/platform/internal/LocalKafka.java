package org.amity.platform.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.amity.platform.InfrastructureException;

/**
 * A single-node Kafka in KRaft mode (broker and controller in one JVM), run as {@code kafka.Kafka} from the broker
 * runtime classpath that the build resolved into {@code <tools>/kafka-<version>/libs}.
 */
public final class LocalKafka {

    private static final String MAIN_CLASS = "kafka.Kafka";
    private static final String STARTED = "Kafka Server started";

    private final Path libs;
    private final Path dataDir;
    private final Path log;
    private final Path pidFile;
    private final int port;
    private final int controllerPort;
    private final String heap;
    private boolean startedHere;
    private ProcessHandle process;

    public LocalKafka(Path toolsDir, Path dataDir, Path log, Path pidFile, int port, int controllerPort, String heap) {
        this.libs = toolsDir.resolve("kafka-" + Tools.kafkaVersion()).resolve("libs");
        this.dataDir = dataDir;
        this.log = log;
        this.pidFile = pidFile;
        this.port = port;
        this.controllerPort = controllerPort;
        this.heap = heap;
    }

    public Path log() {
        return log;
    }

    public Optional<ProcessHandle> running() {
        return Procs.alive(pidFile, MAIN_CLASS);
    }

    /** Starts the broker and waits until it is serving; returns false when it was already running. */
    public boolean start(Duration timeout) {
        Optional<ProcessHandle> existing = running();
        if (existing.isPresent()) {
            process = existing.get();
            Procs.await("kafka", log, timeout, process, () -> Procs.portOpen(port));
            return false;
        }
        Procs.deleteQuietly(pidFile);
        Procs.requirePortFree("kafka", port);
        Procs.requirePortFree("kafka controller", controllerPort);
        if (!Files.isRegularFile(libs.resolve("classpath.txt"))) {
            throw new InfrastructureException("kafka: the broker classpath " + libs + " is missing: build the platform "
                    + "(./mvnw -f deploy/local-platform/pom.xml package -DskipTests, or ./amity up)");
        }
        try {
            Files.createDirectories(dataDir);
            Path config = writeConfig();
            Path log4j = writeLog4j();
            String classpath = classpath();
            if (!Files.isRegularFile(dataDir.resolve("logs/meta.properties"))) {
                List<String> format = new ArrayList<>(jvm(classpath, log4j, "-Xmx256m"));
                format.addAll(List.of("kafka.tools.StorageTool", "format", "--ignore-formatted",
                        "-t", clusterId(), "-c", config.toString()));
                int rc = Procs.run(format, dataDir, Map.of(), log, Duration.ofSeconds(120));
                if (rc != 0) {
                    throw new InfrastructureException("kafka: storage format failed (exit " + rc + "); see " + log
                            + "\n" + Procs.tail(log, 20));
                }
            }
            long offset = Procs.size(log);
            ClassDataSharing.Options cds = ClassDataSharing.options(libs.resolveSibling("cds"), "kafka");
            List<String> cmd = new ArrayList<>(jvm(classpath, log4j, heap + " " + cds.jvmOptions()));
            cmd.addAll(List.of(MAIN_CLASS, config.toString()));
            Process p = Procs.spawn(cmd, dataDir, Map.of(), log);
            cds.spawned(p.pid());
            process = p.toHandle();
            Procs.writePid(pidFile, p.pid());
            startedHere = true;
            Procs.await("kafka", log, timeout, process,
                    () -> Procs.logContains(log, offset, STARTED) && Procs.portOpen(port));
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public boolean startedHere() {
        return startedHere;
    }

    public void stop(Duration grace) {
        running().ifPresent(p -> Procs.stop(p, grace));
        Procs.deleteQuietly(pidFile);
    }

    private List<String> jvm(String classpath, Path log4j, String heapOptions) {
        List<String> cmd = new ArrayList<>(List.of(Tools.java()));
        cmd.addAll(List.of(heapOptions.trim().split("\\s+")));
        cmd.addAll(List.of("-XX:+UseG1GC", "-XX:MaxGCPauseMillis=20", "-XX:+ExitOnOutOfMemoryError",
                "-Djava.awt.headless=true", "-Dlog4j2.configurationFile=" + log4j,
                "-Dkafka.logs.dir=" + dataDir.resolve("app-logs"), "-cp", classpath));
        return cmd;
    }

    private String classpath() throws IOException {
        try (Stream<Path> jars = Files.list(libs)) {
            return String.join(":", jars.filter(p -> p.toString().endsWith(".jar")).sorted().map(Path::toString).toList());
        }
    }

    private Path writeConfig() throws IOException {
        Path file = dataDir.resolve("server.properties");
        Files.write(file, List.of(
                "# Written by the Amity local platform at every start.",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://localhost:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + dataDir.resolve("logs"),
                "num.partitions=3",
                "auto.create.topics.enable=true",
                "default.replication.factor=1",
                "min.insync.replicas=1",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=10",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "transaction.state.log.num.partitions=10",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "num.network.threads=2",
                "num.io.threads=4",
                "log.retention.hours=168",
                // the broker never syncs its log by default: the kernel then writes back each segment's dirty pages
                // about every 30 s in one lump (90-210 MB in a second on a shared disk, during which PostgreSQL's
                // commits waited). Flushed every second, the same bytes go out a second's worth at a time
                // (docs/figures.md, intake, session 24)
                "log.flush.interval.ms=1000",
                "log.flush.scheduler.interval.ms=1000",
                "delete.topic.enable=true"));
        return file;
    }

    private Path writeLog4j() throws IOException {
        Path file = dataDir.resolve("log4j2.properties");
        Files.write(file, List.of(
                "status = warn",
                "appender.console.type = Console",
                "appender.console.name = STDOUT",
                "appender.console.layout.type = PatternLayout",
                "appender.console.layout.pattern = %d{ISO8601} %-5p [%c{1}] %m%n",
                "rootLogger.level = WARN",
                "rootLogger.appenderRef.stdout.ref = STDOUT",
                "logger.server.name = kafka.server.KafkaRaftServer",
                "logger.server.level = INFO",
                "logger.broker.name = kafka.server.BrokerServer",
                "logger.broker.level = INFO",
                "logger.controller.name = kafka.server.ControllerServer",
                "logger.controller.level = INFO",
                "logger.kafka.name = kafka.Kafka",
                "logger.kafka.level = INFO",
                "logger.storage.name = kafka.tools.StorageTool",
                "logger.storage.level = INFO"));
        return file;
    }

    /** A random KRaft cluster id: 16 bytes, URL-safe base64 without padding (22 characters). */
    private static String clusterId() {
        SecureRandom random = new SecureRandom();
        byte[] bytes = new byte[16];
        String id;
        do {
            random.nextBytes(bytes);
            id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        } while (id.startsWith("-"));
        return id;
    }
}
