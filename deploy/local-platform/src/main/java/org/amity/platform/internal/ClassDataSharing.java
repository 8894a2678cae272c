package org.amity.platform.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A dynamic class-data-sharing archive per tool and JDK (Keycloak starts in 5 s instead of 7 s, with a third less
 * CPU). The first JVM to find none writes it when it exits ({@code -XX:ArchiveClassesAtExit}); the others use it
 * only once that writer has exited, which a marker file holding the writer's pid tells. The JVM itself ignores a
 * broken or stale archive. {@code -Damity.cds.disabled=true} turns it off.
 */
public final class ClassDataSharing {

    /** The options to add, and what to do once the JVM that got them has a pid. */
    public record Options(String jvmOptions, Path writerMarker) {

        /** Hands the archive-writing role from the launcher to the spawned JVM. */
        public void spawned(long pid) {
            if (writerMarker != null) {
                Procs.writePid(writerMarker, pid);
            }
        }
    }

    private static final String QUIET = "-Xlog:cds=off -Xlog:cds+dynamic=off ";

    private ClassDataSharing() {
    }

    public static Options options(Path dir, String tool) {
        if (Boolean.getBoolean("amity.cds.disabled")) {
            return new Options("", null);
        }
        try {
            Files.createDirectories(dir);
            String name = tool + "-java-" + Runtime.version().toString().replaceAll("[^A-Za-z0-9.+_-]", "_");
            Path archive = dir.resolve(name + ".jsa");
            Path writing = dir.resolve(name + ".writing");
            if (Files.exists(writing)) {
                Optional<ProcessHandle> writer = Procs.readPid(writing).flatMap(ProcessHandle::of)
                        .filter(ProcessHandle::isAlive);
                if (writer.isPresent()) {
                    return new Options("", null); // still being written
                }
                Files.deleteIfExists(writing);
            }
            if (Files.isRegularFile(archive) && Files.size(archive) > 0) {
                return new Options(QUIET + "-XX:SharedArchiveFile=" + archive, null);
            }
            if (!Procs.createPidFileExclusively(writing)) {
                return new Options("", null); // another launcher won the writer role
            }
            return new Options(QUIET + "-XX:ArchiveClassesAtExit=" + archive, writing);
        } catch (IOException | RuntimeException e) {
            return new Options("", null); // only an optimisation
        }
    }
}
