package dev.polyvirt.traffic.trace;

import dev.polyvirt.spec.SpecException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The three files of one day of the Azure Functions 2019 trace. {@code path} names the
 * invocations file, or the folder holding it (then {@code day: N} picks
 * {@code invocations_per_function_md.anon.dNN.csv}, and without it the folder must hold a single
 * invocations file). Durations and memory, unless named, are found beside it: by their published
 * names for the day ({@code function_durations_percentiles.anon.dNN.csv},
 * {@code app_memory_percentiles.anon.dNN.csv}), else by the invocations file's name with
 * "invocations" replaced by "durations" / "memory" ({@code 1_invocations.csv} → {@code 1_durations.csv}).
 * Each name is also tried with and without {@code .gz}.
 */
record Azure2019Files(Path invocations, Optional<Path> durations, Optional<Path> memory, OptionalInt day) {
  private static final Pattern PUBLISHED_DAY = Pattern.compile("\\.d(\\d{2})\\.csv(\\.gz)?$");

  /** Finds the files the query names, reporting a missing one at the key that named it. */
  static Azure2019Files locate(TraceQuery q) throws SpecException {
    Path path = q.path().value();
    OptionalInt day = q.day().map(d -> OptionalInt.of(d.value())).orElse(OptionalInt.empty());
    Path invocations;
    if (Files.isDirectory(path)) {
      invocations = day.isPresent() ? inFolder(q, path, day.getAsInt()) : onlyInvocationsFile(q, path);
    } else {
      invocations = path;
      OptionalInt named = dayOf(path);
      if (day.isPresent() && named.isPresent() && named.getAsInt() != day.getAsInt()) {
        throw SpecException.of(q.day().get().mark(), "day: " + day.getAsInt() + " but path names day " + named.getAsInt()
            + "'s file " + path.getFileName(), "leave out day:, or let path name the folder and day: pick the file");
      }
      if (day.isEmpty()) day = named;
    }
    return new Azure2019Files(invocations, companion(q.durations(), invocations, day, "function_durations_percentiles", "durations"),
        companion(q.memory(), invocations, day, "app_memory_percentiles", "memory"), day);
  }

  /** Returns the published name of the invocations file of day {@code n}. */
  static String publishedInvocations(int n) {
    return String.format("invocations_per_function_md.anon.d%02d.csv", n);
  }

  private static Path inFolder(TraceQuery q, Path folder, int n) throws SpecException {
    return existing(folder.resolve(publishedInvocations(n))).orElseThrow(() -> SpecException.of(q.day().get().mark(),
        "no " + publishedInvocations(n) + " in " + folder, "the Azure 2019 trace has days 1 to 14; check the folder and day:"));
  }

  private static Path onlyInvocationsFile(TraceQuery q, Path folder) throws SpecException {
    List<Path> found = new ArrayList<>();
    try (Stream<Path> files = Files.list(folder)) {
      files.filter(f -> f.getFileName().toString().matches(".*invocations.*\\.csv(\\.gz)?")).sorted().forEach(found::add);
    } catch (IOException e) {
      throw SpecException.of(q.path().mark(), "cannot list " + folder + ": " + e.getMessage(), "check the folder is readable");
    }
    if (found.size() == 1) return found.get(0);
    throw SpecException.of(q.path().mark(), (found.isEmpty() ? "no invocations file" : found.size() + " invocations files")
        + " in " + folder, found.isEmpty() ? "name the file in path:, e.g. " + publishedInvocations(1)
        : "add day: N or name one file in path: " + String.join(", ", found.stream().map(f -> f.getFileName().toString()).toList()));
  }

  private static Optional<Path> companion(Optional<Marked<Path>> named, Path invocations, OptionalInt day, String published,
      String word) throws SpecException {
    if (named.isPresent()) {
      if (Files.isRegularFile(named.get().value())) return Optional.of(named.get().value());
      throw SpecException.of(named.get().mark(), "no such " + word + " file: " + named.get().value(),
          "check the path; relative paths are resolved against the spec file's folder");
    }
    Path folder = invocations.toAbsolutePath().getParent();
    List<String> names = new ArrayList<>();
    if (day.isPresent()) names.add(String.format("%s.anon.d%02d.csv", published, day.getAsInt()));
    String own = invocations.getFileName().toString();
    if (own.contains("invocations")) names.add(own.replace("invocations", word));
    for (String n : names) {
      Optional<Path> p = existing(folder.resolve(n));
      if (p.isPresent()) return Optional.of(invocations.resolveSibling(p.get().getFileName()));
    }
    return Optional.empty();
  }

  private static Optional<Path> existing(Path p) {
    String n = p.getFileName().toString();
    for (Path c : List.of(p, p.resolveSibling(n.endsWith(".gz") ? n.substring(0, n.length() - 3) : n + ".gz"))) {
      if (Files.isRegularFile(c)) return Optional.of(c);
    }
    return Optional.empty();
  }

  private static OptionalInt dayOf(Path file) {
    Matcher m = PUBLISHED_DAY.matcher(file.getFileName().toString());
    return m.find() ? OptionalInt.of(Integer.parseInt(m.group(1))) : OptionalInt.empty();
  }
}
