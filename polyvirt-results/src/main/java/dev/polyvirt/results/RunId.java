package dev.polyvirt.results;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The name of a stored run: its UTC start time and a short hash of the spec text and seed, e.g.
 * {@code 20261122T124512Z-3f9a2c1b}. Names sort by time; equal hashes mean the same spec and seed.
 * A second run of the same spec in the same second gets a {@code -2}, {@code -3}… suffix.
 */
public record RunId(String value) implements Comparable<RunId> {
  private static final Pattern SHAPE = Pattern.compile("[0-9]{8}T[0-9]{6}Z-[0-9a-f]{8}(-[0-9]{1,4})?");
  /** Characters of an id without its suffix: 16 of time stamp, a dash, 8 of hash. */
  private static final int BASE_LENGTH = 25;
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  public RunId {
    if (!valid(value)) throw new IllegalArgumentException("not a run id: " + value);
  }

  /** Returns true when {@code text} has the shape of a run id (so it is safe as a folder name). */
  public static boolean valid(String text) {
    return text != null && SHAPE.matcher(text).matches();
  }

  /** Creates the id of a run started at {@code start} of {@code specText} with {@code seed}. */
  public static RunId of(Instant start, String specText, long seed) {
    return new RunId(STAMP.format(start) + "-" + sha256(specText + "\nseed=" + seed).substring(0, 8));
  }

  /** Returns this id with a collision suffix ({@code n} ≥ 2). */
  public RunId withSuffix(int n) {
    return new RunId(value.substring(0, BASE_LENGTH) + "-" + n);
  }

  /** Returns the lowercase hex SHA-256 of {@code text} in UTF-8. */
  public static String sha256(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  @Override
  public int compareTo(RunId o) {
    return value.compareTo(o.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
