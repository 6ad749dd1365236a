package dev.polyvirt.models.datacenter;

/**
 * Pre-copy live migration (Clark et al., "Live Migration of Virtual Machines", NSDI 2005, §3–4):
 * round 0 copies the VM's memory M over bandwidth B; each later round copies the pages dirtied
 * during the previous one (dirty rate D × that round's time, at most M); when what is left can be
 * sent within {@code maxDowntimeSeconds}, or after {@code maxRounds} rounds, the VM is paused and
 * the rest sent (stop-and-copy), then resumed on the destination after {@code switchOverSeconds}.
 * With D &lt; B the rounds shrink geometrically: round i lasts M·(D/B)^i / B, the closed form of
 * Akoush et al. (MASCOTS 2010, eq. 1–2).
 *
 * <p>Defaults: QEMU/KVM's downtime limit 300 ms ({@code DEFAULT_MIGRATE_SET_DOWNTIME} in QEMU's
 * {@code migration/options.c}); at most 30 rounds (Xen's {@code xc_domain_save} stops after 29
 * iterative rounds and then stops and copies, Clark et al. §5); the dirty rate 10 MiB/s and the
 * switch-over 20 ms (resume on the destination, ARP) are <b>assumptions</b> — set them for your
 * workload. {@link #CLOUDSIM} (no dirtying, no downtime) is CloudSim's estimate, memory over
 * bandwidth.
 */
public record PreCopy(double dirtyMiBps, double maxDowntimeSeconds, int maxRounds, double switchOverSeconds) {
  /** CloudSim's migration: one copy of memory, no dirtying, no downtime. */
  public static final PreCopy CLOUDSIM = new PreCopy(0, 0.3, 30, 0);
  /** Dirty rate 10 MiB/s (assumption), QEMU's 300 ms downtime limit, Xen's 30 rounds, 20 ms switch-over (assumption). */
  public static final PreCopy DEFAULT = new PreCopy(10, 0.3, 30, 0.02);

  /** Returns the MiB per second a migration gets from a NIC of {@code mbps}: half of it, as CloudSim gives it. */
  public static double halfNicMiBps(double mbps) {
    return mbps / 2 / 8;
  }

  /** Returns CloudSim's migration-time estimate the overload detectors use: memory over half the NIC, no dirtying. */
  public static double cloudSimSeconds(double memoryMiB, double mbps) {
    return memoryMiB / halfNicMiBps(mbps);
  }

  public PreCopy {
    if (!(dirtyMiBps >= 0) || !(maxDowntimeSeconds >= 0) || maxRounds < 1 || !(switchOverSeconds >= 0)) {
      throw new IllegalArgumentException("pre-copy needs a dirty rate ≥ 0, downtime limit ≥ 0, rounds ≥ 1, switch-over ≥ 0");
    }
  }

  /**
   * One migration's phases.
   *
   * @param rounds iterative pre-copy rounds (the stop-and-copy not counted)
   * @param preCopySeconds time the VM keeps running on the source while memory is copied
   * @param downtimeSeconds time it is paused: the last copy plus the switch-over
   * @param transferredMiB memory sent over the network in all rounds
   */
  public record Plan(int rounds, double preCopySeconds, double downtimeSeconds, double transferredMiB) {
    /** Returns the whole migration: pre-copy plus downtime. */
    public double totalSeconds() {
      return preCopySeconds + downtimeSeconds;
    }
  }

  /** Plans the migration of {@code memoryMiB} over {@code bandwidthMiBps}. */
  public Plan plan(double memoryMiB, double bandwidthMiBps) {
    if (!(bandwidthMiBps > 0)) throw new IllegalArgumentException("migration bandwidth must be positive");
    double left = memoryMiB, seconds = 0, sent = 0;
    int rounds = 0;
    while (rounds < maxRounds && left > 0 && (rounds == 0 || left / bandwidthMiBps > maxDowntimeSeconds)) {
      double t = left / bandwidthMiBps;
      seconds += t;
      sent += left;
      rounds++;
      left = Math.min(memoryMiB, dirtyMiBps * t);
    }
    return new Plan(rounds, seconds, left / bandwidthMiBps + switchOverSeconds, sent + left);
  }
}
