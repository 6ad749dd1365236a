package dev.polyvirt.pricing;

import dev.polyvirt.spec.Fields;
import dev.polyvirt.spec.SpecException;
import dev.polyvirt.spec.yaml.Mark;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The price books: those bundled with polyvirt, by name, and any user file in the same format.
 * To bundle a book, add its YAML under {@code src/main/resources/dev/polyvirt/pricing/} and one
 * line to {@link #BUNDLED}.
 */
public final class PriceBooks {
  /** Bundled book name to resource file, one line per book. */
  private static final Map<String, String> BUNDLED = new TreeMap<>(Map.of(
      "aws-us-east-1", "aws-us-east-1.yaml",
      "azure-eastus", "azure-eastus.yaml",
      "gcp-us-central1", "gcp-us-central1.yaml"));

  private PriceBooks() {}

  /** Loads the bundled book called {@code nameOrPath}, or else the YAML file at that path under {@code baseDir}. */
  public static PriceBook load(String nameOrPath, Path baseDir) throws SpecException {
    return load(nameOrPath, baseDir, Mark.file(nameOrPath));
  }

  /** Loads a book like {@link #load(String, Path)}, blaming {@code where} (the spec's mention) if it is not found. */
  public static PriceBook load(String nameOrPath, Path baseDir, Mark where) throws SpecException {
    if (BUNDLED.containsKey(nameOrPath)) return bundled(nameOrPath);
    Path file;
    try {
      file = baseDir.resolve(nameOrPath).normalize();
    } catch (InvalidPathException e) {
      throw SpecException.of(where, "'" + nameOrPath + "' is neither a bundled price book nor a valid path",
          "bundled books are: " + String.join(", ", BUNDLED.keySet()));
    }
    if (Files.isRegularFile(file)) {
      try {
        return PriceBookReader.read(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
      } catch (IOException | UncheckedIOException e) {
        throw SpecException.of(where, "cannot read price book " + file + ": " + e.getMessage(), "check the file's permissions and encoding (UTF-8)");
      }
    }
    String valid = String.join(", ", BUNDLED.keySet());
    if (looksLikePath(nameOrPath)) {
      throw SpecException.of(where, "price book file not found: " + file,
          "paths are relative to " + baseDir.toAbsolutePath().normalize() + "; or use a bundled book: " + valid);
    }
    String guess = Fields.suggestion(nameOrPath, BUNDLED.keySet()).map(s -> "did you mean '" + s + "'? ").orElse("");
    throw SpecException.of(where, "unknown price book '" + nameOrPath + "'; bundled books are: " + valid,
        guess + "or give the path of your own price book file, e.g. prices/my-region.yaml");
  }

  /** Returns the names of the bundled books, sorted. */
  public static List<String> bundledNames() {
    return List.copyOf(BUNDLED.keySet());
  }

  /** Lists the bundled books (name and effective date via {@link PriceBook#label()}), sorted by name. */
  public static List<PriceBook> bundled() {
    List<PriceBook> books = new ArrayList<>();
    for (String name : BUNDLED.keySet()) {
      try {
        books.add(bundled(name));
      } catch (SpecException e) {
        throw new IllegalStateException("bundled price book " + name + " is broken:\n" + e.getMessage(), e);
      }
    }
    return books;
  }

  private static PriceBook bundled(String name) throws SpecException {
    String resource = BUNDLED.get(name);
    try (InputStream in = PriceBooks.class.getResourceAsStream(resource)) {
      if (in == null) throw new IllegalStateException("bundled price book " + resource + " is missing from the jar");
      return PriceBookReader.read("bundled:" + resource, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean looksLikePath(String s) {
    return s.contains("/") || s.contains("\\") || s.endsWith(".yaml") || s.endsWith(".yml");
  }
}
