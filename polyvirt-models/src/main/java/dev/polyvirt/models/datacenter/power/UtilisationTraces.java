package dev.polyvirt.models.datacenter.power;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads CPU utilisation traces in the PlanetLab / CoMon format CloudSim ships: a folder with one
 * file per VM, one whole percentage per line, one line per sampling interval (300 s). Files are
 * taken in name order (CloudSim takes the file system's order, which is not reproducible).
 */
public final class UtilisationTraces {
  private UtilisationTraces() {}

  /** Returns utilisation as fractions, one row per VM (file), one column per interval. */
  public static double[][] read(Path folder) {
    List<Path> files;
    try (Stream<Path> s = Files.list(folder)) {
      files = s.filter(Files::isRegularFile).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    double[][] out = new double[files.size()][];
    for (int i = 0; i < files.size(); i++) out[i] = readOne(files.get(i));
    return out;
  }

  static double[] readOne(Path file) {
    List<Double> values = new ArrayList<>(288);
    try {
      for (String line : Files.readAllLines(file)) {
        String t = line.trim();
        if (!t.isEmpty()) values.add(Math.max(0, Math.min(100, Double.parseDouble(t))) / 100.0);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(file + ": a line is not a percentage: " + e.getMessage(), e);
    }
    double[] a = new double[values.size()];
    for (int i = 0; i < a.length; i++) a[i] = values.get(i);
    return a;
  }
}
