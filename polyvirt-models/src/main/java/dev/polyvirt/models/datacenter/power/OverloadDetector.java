package dev.polyvirt.models.datacenter.power;

/**
 * Decides whether a host is overloaded (Beloglazov &amp; Buyya, CCPE 2012, §5). It sees the host's
 * utilisation history as its current VMs' histories summed (oldest first, last = now) and the
 * maximum time a VM of the host would take to migrate.
 */
public interface OverloadDetector {
  /** Returns the policy's short name as the paper's tables write it (THR, IQR, MAD, LR). */
  String name();

  /** Returns how many of the newest samples the detector reads (so callers fill no more). */
  int window();

  /** Returns true when the host should shed VMs. */
  boolean overloaded(double[] history, int length, double maxMigrationSeconds, double intervalSeconds);

  /**
   * Returns this detector computed the way CloudSim 3.0.3's code computes it where that differs
   * from the paper's description (see {@link AdaptiveThreshold} and {@link LocalRegression});
   * the detector itself when they agree.
   */
  default OverloadDetector asCloudSim() {
    return this;
  }
}
