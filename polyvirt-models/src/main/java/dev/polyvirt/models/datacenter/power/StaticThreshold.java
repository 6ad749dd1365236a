package dev.polyvirt.models.datacenter.power;

/** THR: overloaded when current utilisation exceeds a fixed threshold (CloudSim example: 0.8; fallback 0.7). */
public record StaticThreshold(double threshold) implements OverloadDetector {
  @Override
  public String name() {
    return "THR";
  }

  @Override
  public int window() {
    return 1;
  }

  @Override
  public boolean overloaded(double[] history, int length, double maxMigrationSeconds, double intervalSeconds) {
    return length > 0 && history[length - 1] > threshold;
  }
}
