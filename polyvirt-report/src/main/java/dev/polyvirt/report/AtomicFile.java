package dev.polyvirt.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes a file whole or not at all: to a temporary file beside it, then a rename. */
public final class AtomicFile {
  /** What a new file gets where the file system has POSIX permissions: rw-r--r--, like any written file. */
  private static final java.util.Set<java.nio.file.attribute.PosixFilePermission> ORDINARY =
      java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--");

  private AtomicFile() {}

  /** Gives the temporary file the target's permissions, or ordinary ones (temp files are owner-only). */
  private static void permissions(Path tmp, Path target) throws IOException {
    if (!Files.getFileStore(tmp).supportsFileAttributeView("posix")) return;
    Files.setPosixFilePermissions(tmp, Files.exists(target) ? Files.getPosixFilePermissions(target) : ORDINARY);
  }

  /** Writes {@code text} to {@code target} atomically, creating parent folders. */
  public static void write(Path target, String text) throws IOException {
    Path abs = target.toAbsolutePath();
    Files.createDirectories(abs.getParent());
    Path tmp = Files.createTempFile(abs.getParent(), "." + abs.getFileName(), ".tmp");
    try {
      Files.writeString(tmp, text, StandardCharsets.UTF_8);
      permissions(tmp, abs);
      try {
        Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
