package dev.polyvirt.spec;

import java.nio.file.Path;
import java.util.List;

/**
 * A spec file: the workloads to place and the settings of the run (SPEC.md §2).
 *
 * @param horizonNanos simulated span for synthetic traffic
 * @param priceBook a bundled price book name or a path
 * @param baseDir the folder of the spec file, against which relative paths resolve
 * @param file the spec file's name, as errors show it
 * @param priceBookMark where the price book is named (the file itself when it is left out)
 * @param planner the {@code planner:} settings as written (weights, ops rate), bound by the planner module
 */
public record Portfolio(String name, long seed, long horizonNanos, String priceBook,
    List<Workload> workloads, Path baseDir, String file, dev.polyvirt.spec.yaml.Mark priceBookMark,
    java.util.Optional<dev.polyvirt.spec.yaml.Node> planner) {
  /** Creates a portfolio without {@code planner:} settings (the planner's defaults apply). */
  public Portfolio(String name, long seed, long horizonNanos, String priceBook,
      List<Workload> workloads, Path baseDir, String file, dev.polyvirt.spec.yaml.Mark priceBookMark) {
    this(name, seed, horizonNanos, priceBook, workloads, baseDir, file, priceBookMark, java.util.Optional.empty());
  }

  /** Returns the same portfolio with another seed (the {@code --seed} option). */
  public Portfolio withSeed(long newSeed) {
    return new Portfolio(name, newSeed, horizonNanos, priceBook, workloads, baseDir, file, priceBookMark, planner);
  }
}
