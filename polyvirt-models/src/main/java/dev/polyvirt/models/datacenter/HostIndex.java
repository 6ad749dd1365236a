package dev.polyvirt.models.datacenter;

/**
 * An index over hosts' free capacity that answers "which host takes this VM" without scanning
 * every host. Capacities are integers: CPU in milli-vCPUs (after overcommit), memory in MiB.
 */
public interface HostIndex {
  /** Returns the host chosen for a VM needing {@code cpu} and {@code memory}, or -1 if none fits. */
  int choose(long cpu, long memory);

  /** Records host {@code host}'s new free capacity (after a placement, removal or failure). */
  void update(int host, long freeCpu, long freeMemory);
}
