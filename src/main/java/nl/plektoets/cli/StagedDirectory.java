package nl.plektoets.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.stream.Stream;
import nl.plektoets.config.ConfigException;

/**
 * Writes a data directory so that a failure never leaves half-written data: everything goes into a hidden
 * sibling directory first, which replaces the (absent or empty) target only when complete. Interrupted or failed
 * runs leave the target as it was and remove the partial copy.
 */
final class StagedDirectory {
    /** Work that fills a directory. */
    interface Filler {
        void fill(Path dir) throws IOException;
    }

    private StagedDirectory() {}

    /**
     * Refuses a non-empty target before any work, fills a staging directory, then moves it into place.
     *
     * @param option the option that named the target, for the message (e.g. {@code --out})
     */
    static void write(Path target, String option, Filler filler) throws IOException {
        requireEmptyOrAbsent(target, option);
        Path parent = target.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path staging = Files.createTempDirectory(parent, "." + target.getFileName() + ".partial-");
        try {
            filler.fill(staging);
            requireEmptyOrAbsent(target, option); // someone may have written there meanwhile
            if (Files.isDirectory(target)) Files.delete(target); // empty: checked above
            try {
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(staging, target);
            }
        } finally {
            deleteRecursively(staging);
        }
    }

    static boolean isEmptyOrAbsent(Path dir) {
        if (!Files.exists(dir)) return true;
        if (!Files.isDirectory(dir)) return false;
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void requireEmptyOrAbsent(Path target, String option) {
        if (Files.exists(target) && !Files.isDirectory(target)) {
            throw new ConfigException(option + " " + target + " is a file; give a directory that does not exist yet");
        }
        if (!isEmptyOrAbsent(target)) {
            throw new ConfigException(
                    option + " " + target + " is not empty; give a new or empty directory (nothing was"
                            + " written), or remove the old one first");
        }
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
