package dev.polyvirt.models.faas;

import dev.polyvirt.engine.SimTime;
import dev.polyvirt.engine.dist.Distribution;
import dev.polyvirt.engine.dist.LogNormal;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Default cold-start distributions per provider × runtime × memory, and the package-size effect.
 * All rows are shared/reference/figures.md "Cold starts (FaaS)" (M. Shilkov, cold-start benchmark
 * data, mikhail.io, 2021); each is a log-normal with the measured median.
 *
 * <p><b>AWS</b> (row "AWS Python / JavaScript / Go / Java / Ruby", "AWS container image", "AWS C#
 * by memory"): Python 0.215 s, JavaScript 0.264 s, Go 0.307 s, Java 0.372 s, Ruby 0.277 s,
 * container image 0.795 s; C# by memory size 128→8192 MB. The spread comes from the two measured
 * 95 % ranges of the same source — Java 0.275–0.690 s gives sigma = ln(0.690/0.372)/1.96 = 0.315,
 * container image 0.616–1.404 s gives ln(1.404/0.795)/1.96 = 0.290 — and their mean, 0.30, where
 * no range is published. {@code java-native} (GraalVM native image, which "dramatically reduces
 * Java cold start", seed 003) and {@code wasm} (a custom runtime) take Go's figure, the nearest
 * compiled runtime measured.
 *
 * <p><b>GCP</b> (row "GCP JavaScript / Go / Python"): 0.665 / 0.589 / 1.106 s. <b>Azure</b> (row
 * "Azure consumption C# / JS / Python"): 0.932 / 1.575 / 1.281 s. A runtime the row does not
 * measure takes the middle of the provider's three figures (GCP JavaScript 0.665 s, Azure Python
 * 1.281 s) rather than another provider's number; sigma 0.30 as above. The memory effect is
 * measured for AWS C# only and applied there only.
 *
 * <p><b>Package size</b> (row "AWS JS with 14 MB / 35 MB of dependencies": 1.695 / 3.875 s against
 * 0.264 s without): loading dependencies adds (3.875 − 0.264) / 35 = 0.1032 s per MB to the median
 * — the 14 MB point (0.102 s/MB) lies on the same line. It is measured on AWS JavaScript and
 * applied to every provider and runtime, for want of other measurements.
 */
public final class ColdStarts {
  private static final double SIGMA_UNPUBLISHED = 0.30;
  /** C# cold-start medians (s) at 128, 256, 512, 1024, 2048, 4096, 8192 MB (figures.md). */
  private static final double[] DOTNET_MEDIANS = {3.284, 1.753, 1.000, 0.654, 0.516, 0.516, 0.517};
  /** Extra median cold start per MiB of deployment package (AWS JS with 35 MB of dependencies, figures.md). */
  static final double SECONDS_PER_PACKAGE_MIB = (3.875 - 0.264) / 35;
  /** GCP medians (s) by runtime, figures.md row "GCP JavaScript / Go / Python". */
  private static final Map<String, Double> GCP = Map.of("node", 0.665, "go", 0.589, "python", 1.106);
  private static final double GCP_UNMEASURED = 0.665;
  /** Azure Consumption medians (s) by runtime, figures.md row "Azure consumption C# / JS / Python". */
  private static final Map<String, Double> AZURE = Map.of("dotnet", 0.932, "node", 1.575, "python", 1.281);
  private static final double AZURE_UNMEASURED = 1.281;

  private ColdStarts() {}

  /** Returns the default cold-start distribution for {@code runtime} at {@code memoryMb} on AWS Lambda, no package. */
  public static Distribution forRuntime(String runtime, int memoryMb) {
    return forRuntime(runtime, memoryMb, 0);
  }

  /** Returns the default for {@code runtime} at {@code memoryMb} with a package of {@code packageMiB}, resolved per provider at run time. */
  public static Distribution forRuntime(String runtime, int memoryMb, long packageMiB) {
    return new Default(runtime, memoryMb, packageMiB, "aws");
  }

  /** Returns {@code cold} for the provider of the price book: a runtime default takes that provider's figure; a given distribution stays. */
  public static Distribution onProvider(Distribution cold, String provider) {
    return cold instanceof Default d ? d.on(provider) : cold;
  }

  /** Returns {@code cold} for a function of {@code memoryMb}: a runtime default follows the size; a given distribution stays. */
  public static Distribution atMemory(Distribution cold, int memoryMb) {
    return cold instanceof Default d ? new Default(d.runtime(), memoryMb, d.packageMiB(), d.provider()) : cold;
  }

  /**
   * A runtime's default cold start on one provider: a log-normal whose median is the measured
   * figure plus the package's load time. Specs never write it; it is what {@code faas} uses
   * without {@code coldStart}.
   */
  record Default(String runtime, int memoryMb, long packageMiB, String provider) implements Distribution {
    Default on(String other) {
      return new Default(runtime, memoryMb, packageMiB, other);
    }

    LogNormal resolved() {
      double median = medianSeconds(provider, runtime, memoryMb) + packageMiB * SECONDS_PER_PACKAGE_MIB;
      return new LogNormal(Math.log(median * SimTime.NANOS_PER_SECOND), sigma(provider, runtime));
    }

    @Override
    public Sampler sampler(UniformRandomProvider rng) {
      return resolved().sampler(rng);
    }

    @Override
    public double meanNanos() {
      return resolved().meanNanos();
    }

    @Override
    public double quantileNanos(double p) {
      return resolved().quantileNanos(p);
    }

    @Override
    public String describe() {
      return resolved().describe();
    }
  }

  /** Returns the measured median (s) of {@code runtime} on {@code provider} at {@code memoryMb}, without package. */
  static double medianSeconds(String provider, String runtime, int memoryMb) {
    return switch (provider) {
      case "gcp" -> GCP.getOrDefault(runtime, GCP_UNMEASURED);
      case "azure" -> AZURE.getOrDefault(runtime, AZURE_UNMEASURED);
      default -> awsMedian(runtime, memoryMb);
    };
  }

  private static double awsMedian(String runtime, int memoryMb) {
    return switch (runtime) {
      case "python" -> 0.215;
      case "node" -> 0.264;
      case "go", "java-native", "wasm" -> 0.307;
      case "java" -> 0.372;
      case "ruby" -> 0.277;
      case "container-image" -> 0.795;
      case "dotnet" -> dotnetMedian(memoryMb);
      default -> throw new IllegalArgumentException("no cold-start figure for runtime " + runtime);
    };
  }

  private static double sigma(String provider, String runtime) {
    if (!provider.equals("aws")) return SIGMA_UNPUBLISHED;
    return switch (runtime) {
      case "java" -> 0.315;
      case "container-image" -> 0.290;
      default -> SIGMA_UNPUBLISHED;
    };
  }

  /** Interpolates the C# median in log2(memory) between the measured sizes. */
  static double dotnetMedian(int memoryMb) {
    double x = Math.log(Math.max(128, Math.min(8192, memoryMb)) / 128.0) / Math.log(2);
    int i = (int) Math.floor(x);
    if (i >= DOTNET_MEDIANS.length - 1) return DOTNET_MEDIANS[DOTNET_MEDIANS.length - 1];
    double f = x - i;
    return DOTNET_MEDIANS[i] + f * (DOTNET_MEDIANS[i + 1] - DOTNET_MEDIANS[i]);
  }
}
