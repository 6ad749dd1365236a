package dev.polyvirt.models.faas;

import dev.polyvirt.engine.SimTime;
import dev.polyvirt.engine.dist.Distribution;
import dev.polyvirt.engine.dist.LogNormal;

/**
 * Default cold-start distributions per runtime on AWS Lambda.
 *
 * <p>Medians are the AWS rows of shared/reference/figures.md "Cold starts (FaaS)" (M. Shilkov,
 * cold-start benchmark data, mikhail.io, 2021): Python 0.215 s, JavaScript 0.264 s, Go 0.307 s,
 * Java 0.372 s, Ruby 0.277 s, container image 0.795 s; C# by memory size 128→8192 MB. Each is a
 * log-normal with that median. Its spread comes from the two measured 95 % ranges of the same
 * source — Java 0.275–0.690 s gives sigma = ln(0.690/0.372)/1.96 = 0.315, container image
 * 0.616–1.404 s gives ln(1.404/0.795)/1.96 = 0.290 — and their mean, 0.30, where no range is
 * published. {@code java-native} (GraalVM native image, which "dramatically reduces Java cold
 * start", seed 003) and {@code wasm} (a custom runtime) take Go's figure, the nearest compiled
 * runtime measured.
 */
public final class ColdStarts {
  private static final double SIGMA_UNPUBLISHED = 0.30;
  /** C# cold-start medians (s) at 128, 256, 512, 1024, 2048, 4096, 8192 MB (figures.md). */
  private static final double[] DOTNET_MEDIANS = {3.284, 1.753, 1.000, 0.654, 0.516, 0.516, 0.517};

  private ColdStarts() {}

  /** Returns the default cold-start distribution for {@code runtime} at {@code memoryMb}. */
  public static Distribution forRuntime(String runtime, int memoryMb) {
    return switch (runtime) {
      case "python" -> median(0.215, SIGMA_UNPUBLISHED);
      case "node" -> median(0.264, SIGMA_UNPUBLISHED);
      case "go", "java-native", "wasm" -> median(0.307, SIGMA_UNPUBLISHED);
      case "java" -> median(0.372, 0.315);
      case "ruby" -> median(0.277, SIGMA_UNPUBLISHED);
      case "container-image" -> median(0.795, 0.290);
      case "dotnet" -> median(dotnetMedian(memoryMb), SIGMA_UNPUBLISHED);
      default -> throw new IllegalArgumentException("no cold-start figure for runtime " + runtime);
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

  private static Distribution median(double seconds, double sigma) {
    return new LogNormal(Math.log(seconds * SimTime.NANOS_PER_SECOND), sigma);
  }
}
