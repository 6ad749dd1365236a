package dev.polyvirt.models.faas;

import dev.polyvirt.spec.Fields;
import dev.polyvirt.spec.Problems;
import dev.polyvirt.spec.Units;
import java.util.Optional;

/**
 * Reads {@code models.faas.packageSize} (a Kubernetes quantity such as {@code 50Mi}): the size of
 * the deployment package with its dependencies, whose loading lengthens every cold start by
 * {@link ColdStarts#SECONDS_PER_PACKAGE_MIB} per MiB (figures.md "AWS JS with 14 MB / 35 MB of
 * dependencies"). It adjusts the runtime's default cold start, so it cannot be combined with
 * {@code coldStart}, which replaces that default.
 */
final class PackageSize {
  /** Largest package AWS Lambda deploys (250 MB unzipped, Lambda quotas), the largest of the offers. */
  static final long MAX_MIB = 250;

  private PackageSize() {}

  /** Returns the package size in MiB (rounded up), 0 when not given; problems go to {@code problems}. */
  static long bind(Fields f, Problems problems) {
    Optional<Long> bytes = f.parsed("packageSize", Units::memoryBytes);
    if (bytes.isEmpty()) return 0;
    long mib = (bytes.get() + (1L << 20) - 1) >> 20;
    if (mib > MAX_MIB) {
      problems.add(f.node("packageSize").orElseThrow().mark(), "'packageSize' must be at most " + MAX_MIB + "Mi (the Lambda unzipped limit)",
          "give the deployment package's unzipped size, e.g. packageSize: 50Mi");
      return 0;
    }
    if (f.has("coldStart")) {
      problems.add(f.keyMark("packageSize"), "'packageSize' adjusts the runtime's default cold start, but 'coldStart' replaces it",
          "give either coldStart (with your package's load time in it) or packageSize");
      return 0;
    }
    return mib;
  }
}
