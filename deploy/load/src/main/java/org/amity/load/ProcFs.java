package org.amity.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/** What Linux tells of a process in /proc: CPU ticks, memory, parent, and which process listens on a port. */
final class ProcFs {

    private static final Path PROC = Path.of("/proc");

    /** Fields of /proc/PID/stat that matter here (ticks of {@code getconf CLK_TCK}). */
    record Stat(long pid, long parent, long userTicks, long systemTicks, long childrenUserTicks,
            long childrenSystemTicks) {
        long ownTicks() {
            return userTicks + systemTicks;
        }

        long ticksWithWaitedChildren() {
            return ownTicks() + childrenUserTicks + childrenSystemTicks;
        }
    }

    static boolean available() {
        return Files.isReadable(PROC.resolve("self/stat"));
    }

    static Optional<Stat> stat(long pid) {
        try {
            String line = Files.readString(PROC.resolve(pid + "/stat"));
            // the command name (field 2) is in parentheses and may hold spaces: split after its closing one
            String[] f = line.substring(line.lastIndexOf(')') + 2).split(" ");
            // f[0] is field 3 (state): field n is f[n - 3]
            return Optional.of(new Stat(pid, Long.parseLong(f[1]), Long.parseLong(f[11]), Long.parseLong(f[12]),
                    Long.parseLong(f[13]), Long.parseLong(f[14])));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** A line of /proc/PID/status or smaps_rollup such as {@code VmRSS:  123 kB}, in kB. */
    static OptionalLong kilobytes(long pid, String file, String key) {
        try {
            for (String line : Files.readAllLines(PROC.resolve(pid + "/" + file))) {
                if (line.startsWith(key + ":")) {
                    return OptionalLong.of(Long.parseLong(line.substring(key.length() + 1).trim().split("\\s+")[0]));
                }
            }
        } catch (IOException | RuntimeException e) {
            // gone, or not ours to read
        }
        return OptionalLong.empty();
    }

    static OptionalLong rssKb(long pid) {
        return kilobytes(pid, "status", "VmRSS");
    }

    /** Proportional set size: shared pages (PostgreSQL's shared buffers) divided among the processes sharing them. */
    static OptionalLong pssKb(long pid) {
        return kilobytes(pid, "smaps_rollup", "Pss");
    }

    static List<Stat> children(long parent) {
        List<Stat> children = new ArrayList<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(PROC, p -> p.getFileName().toString()
                .chars().allMatch(Character::isDigit))) {
            for (Path dir : dirs) {
                stat(Long.parseLong(dir.getFileName().toString())).filter(s -> s.parent() == parent)
                        .ifPresent(children::add);
            }
        } catch (IOException e) {
            // an empty list: the caller reports the component as not measured
        }
        return children;
    }

    /**
     * What a process calls itself ({@code /proc/PID/cmdline}, arguments joined by spaces): a PostgreSQL backend's
     * title names its user and database.
     */
    static Optional<String> title(long pid) {
        try {
            byte[] raw = Files.readAllBytes(PROC.resolve(pid + "/cmdline"));
            return Optional.of(new String(raw, StandardCharsets.UTF_8).replace('\0', ' ').trim());
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The process with a socket listening on this TCP port (IPv4 or IPv6), if it can be seen. */
    static OptionalLong listening(int port) {
        Set<String> inodes = new HashSet<>();
        for (String table : List.of("net/tcp", "net/tcp6")) {
            try {
                for (String line : Files.readAllLines(PROC.resolve(table))) {
                    String[] f = line.trim().split("\\s+");
                    // local_address is HEXIP:HEXPORT; state 0A is LISTEN; field 9 is the socket's inode
                    if (f.length > 9 && f[3].equals("0A") && f[1].contains(":")
                            && Integer.parseInt(f[1].substring(f[1].indexOf(':') + 1), 16) == port) {
                        inodes.add("socket:[" + f[9] + "]");
                    }
                }
            } catch (IOException | RuntimeException e) {
                // no such table
            }
        }
        if (inodes.isEmpty()) {
            return OptionalLong.empty();
        }
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(PROC, p -> p.getFileName().toString()
                .chars().allMatch(Character::isDigit))) {
            for (Path dir : dirs) {
                try (DirectoryStream<Path> fds = Files.newDirectoryStream(dir.resolve("fd"))) {
                    for (Path fd : fds) {
                        try {
                            if (inodes.contains(Files.readSymbolicLink(fd).toString())) {
                                return OptionalLong.of(Long.parseLong(dir.getFileName().toString()));
                            }
                        } catch (IOException e) {
                            // closed meanwhile
                        }
                    }
                } catch (IOException | SecurityException e) {
                    // another user's process
                }
            }
        } catch (IOException e) {
            return OptionalLong.empty();
        }
        return OptionalLong.empty();
    }

    /**
     * Sectors (512 bytes) written and milliseconds of weighted I/O time (the queue's length integrated over time)
     * since boot, summed over the machine's disks: block devices other than loop, RAM and compressed-RAM ones
     * (partitions are counted within their disk); {-1, -1} when /proc/diskstats cannot be read.
     */
    static long[] diskWrites() {
        return diskWrites(PROC.resolve("diskstats"), Path.of("/sys/block"));
    }

    static long[] diskWrites(Path diskstats, Path sysBlock) {
        try {
            long sectors = 0;
            long weighted = 0;
            for (String line : Files.readAllLines(diskstats)) {
                String[] f = line.trim().split("\\s+");
                // major minor name reads merged sectors ms writes merged sectors ms in-flight io-ms weighted-ms ...
                if (f.length < 14 || f[2].startsWith("loop") || f[2].startsWith("ram") || f[2].startsWith("zram")
                        || !Files.isDirectory(sysBlock.resolve(f[2]))) {
                    continue;
                }
                sectors += Long.parseLong(f[9]);
                weighted += Long.parseLong(f[13]);
            }
            return new long[] {sectors, weighted};
        } catch (IOException | RuntimeException e) {
            return new long[] {-1, -1};
        }
    }

    /**
     * The whole machine's CPU since boot, in ticks: {busy (user, nice, system, interrupts), stolen (time the
     * hypervisor gave this machine's CPUs to others)}; {-1, -1} when /proc/stat cannot be read.
     */
    static long[] machineTicks() {
        return machineTicks(PROC.resolve("stat"));
    }

    static long[] machineTicks(Path stat) {
        try (var lines = Files.lines(stat)) {
            String[] f = lines.findFirst().orElse("").trim().split("\\s+");
            // cpu user nice system idle iowait irq softirq steal ...
            if (f.length < 9 || !f[0].equals("cpu")) {
                return new long[] {-1, -1};
            }
            long busy = Long.parseLong(f[1]) + Long.parseLong(f[2]) + Long.parseLong(f[3]) + Long.parseLong(f[6])
                    + Long.parseLong(f[7]);
            return new long[] {busy, Long.parseLong(f[8])};
        } catch (IOException | RuntimeException e) {
            return new long[] {-1, -1};
        }
    }

    static long clockTicksPerSecond() {
        return 100; // USER_HZ: 100 on every Linux architecture the platform runs on
    }

    private ProcFs() {
    }
}
