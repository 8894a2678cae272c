package org.amity.platform.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.amity.platform.LocalInfrastructure;

/**
 * The Java side of {@code ./amity}: starts and stops the infrastructure processes. Services are handled by the
 * script itself.
 *
 * <pre>
 * infra-up   --data D --logs L --run R [ports] [--databases a,b,...] [--fresh] [--throwaway]
 * infra-down --data D --logs L --run R [--throwaway]
 * ports: --postgres-port 5432 --kafka-port 9092 --kafka-controller-port 9093
 *        --keycloak-port 8180 --keycloak-management-port 9000
 * </pre>
 *
 * Exit status 0 on success, 1 on failure (the message names the component and its log), 2 on bad usage.
 */
public final class AmityCli {

    private AmityCli() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            usage("missing command");
        }
        Map<String, String> opts = parse(args);
        try {
            switch (args[0]) {
                case "infra-up" -> up(opts);
                case "infra-down" -> infra(opts).stopAll();
                default -> usage("unknown command " + args[0]);
            }
        } catch (RuntimeException e) {
            System.err.println();
            System.err.println("FAILED: " + e.getMessage());
            System.exit(1);
        }
        System.exit(0);
    }

    private static void up(Map<String, String> opts) {
        if (opts.containsKey("fresh")) {
            deleteTree(Path.of(require(opts, "data")));
        }
        LocalInfrastructure infra = infra(opts);
        infra.start();
        String databases = opts.getOrDefault("databases", "");
        for (String db : databases.split(",")) {
            if (!db.isBlank()) {
                infra.ensureDatabase(db.trim(), db.trim(), db.trim());
            }
        }
        if (!databases.isBlank()) {
            System.out.println("  databases " + databases.replace(",", ", ") + " (owner = password = name)");
        }
    }

    private static LocalInfrastructure infra(Map<String, String> opts) {
        LocalInfrastructure.Builder b = LocalInfrastructure.builder(Path.of(require(opts, "data")))
                .logDir(Path.of(require(opts, "logs")))
                .runDir(Path.of(require(opts, "run")))
                .postgresPort(port(opts, "postgres-port", 5432))
                .kafkaPorts(port(opts, "kafka-port", 9092), port(opts, "kafka-controller-port", 9093))
                .keycloakPorts(port(opts, "keycloak-port", 8180), port(opts, "keycloak-management-port", 9000))
                .durable(!opts.containsKey("throwaway"))
                .keycloakSnapshot(true)
                .progress(line -> System.out.println("  " + line));
        if (opts.containsKey("throwaway")) {
            b.kafkaHeap("-Xms64m -Xmx384m -XX:TieredStopAtLevel=1"); // C1 only: faster start, enough for tests
        }
        if (opts.containsKey("tools")) {
            b.toolsDir(Path.of(opts.get("tools")));
        }
        return b.build();
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> opts = new HashMap<>();
        List<String> flags = List.of("fresh", "throwaway");
        for (int i = 1; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                usage("unexpected argument " + args[i]);
            }
            String name = args[i].substring(2);
            if (flags.contains(name)) {
                opts.put(name, "true");
            } else if (i + 1 < args.length) {
                opts.put(name, args[++i]);
            } else {
                usage("--" + name + " needs a value");
            }
        }
        return opts;
    }

    private static int port(Map<String, String> opts, String name, int fallback) {
        return opts.containsKey(name) ? Integer.parseInt(opts.get(name)) : fallback;
    }

    private static String require(Map<String, String> opts, String name) {
        String v = opts.get(name);
        if (v == null) {
            usage("--" + name + " is required");
        }
        return v;
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            List<Path> all = new ArrayList<>(s.sorted(Comparator.reverseOrder()).toList());
            for (Path p : all) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot delete " + dir + ": " + e.getMessage(), e);
        }
    }

    private static void usage(String problem) {
        System.err.println("amity-cli: " + problem);
        System.err.println("usage: infra-up|infra-down --data DIR --logs DIR --run DIR [--postgres-port N] "
                + "[--kafka-port N] [--kafka-controller-port N] [--keycloak-port N] [--keycloak-management-port N] "
                + "[--databases a,b] [--fresh] [--throwaway] [--tools DIR]");
        System.err.println("  a new data directory is seeded from a cached copy of the imported Keycloak database when "
                + "there is one; infra-down creates it when missing. --throwaway: PostgreSQL without fsync");
        System.exit(2);
    }
}
