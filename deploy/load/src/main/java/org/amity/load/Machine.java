package org.amity.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What the machine is: cores, memory, CPU, kernel, JDK, and how busy it was (load average). */
record Machine(int cores, long memoryMb, String cpu, String kernel, String jdk) {

    static Machine here() {
        String cpu = "unknown";
        long memoryKb = -1;
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse(cpu);
            memoryKb = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal:"))
                    .findFirst().map(l -> Long.parseLong(l.replaceAll("[^0-9]", ""))).orElse(-1L);
        } catch (IOException | RuntimeException e) {
            // not Linux: left unknown
        }
        return new Machine(Runtime.getRuntime().availableProcessors(), memoryKb < 0 ? -1 : memoryKb / 1024, cpu,
                System.getProperty("os.name") + " " + System.getProperty("os.version"),
                System.getProperty("java.vm.vendor") + " " + System.getProperty("java.runtime.version"));
    }

    /** The first three fields of /proc/loadavg (1, 5 and 15 minutes). */
    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
