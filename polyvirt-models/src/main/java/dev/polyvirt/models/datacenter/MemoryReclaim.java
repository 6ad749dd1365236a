package dev.polyvirt.models.datacenter;

/**
 * How a host reclaims memory when its VMs are allocated more than it physically has (memory
 * overcommit beyond physical): first the balloon driver takes memory from the guests, up to
 * {@code balloonShare} of their allocation, at no modelled cost; what remains is swapped by the
 * hypervisor and slows the host's VMs by {@code 1 / (1 + swapSlowdown × swapped share)}, where the
 * swapped share is the swapped memory over the memory allocated.
 *
 * <p>Sources: the balloon limit 0.65 is ESXi's default {@code Mem.CtlMaxPercent} (65 % of a VM's
 * memory; VMware, "Understanding Memory Resource Management in VMware vSphere", and vSphere's
 * guidance that the guest page file be at least 65 % of its memory). Ballooning is treated as free
 * because Waldspurger (OSDI 2002, §3.2) measured a ballooned VM within 1.4–4.4 % of one booted
 * with that memory. The swap slowdown 10 is an <b>assumption</b>: Amit, Tsafrir and Schuster
 * (VSWAPPER, ASPLOS 2014) report uncooperative hypervisor swapping up to an order of magnitude
 * slower than a swapper that avoids its pathologies; set {@code swapSlowdown} for your storage.
 */
public record MemoryReclaim(double balloonShare, double swapSlowdown) {
  /** ESXi's default balloon limit and an order-of-magnitude swap penalty (see above). */
  public static final MemoryReclaim DEFAULT = new MemoryReclaim(0.65, 10);

  public MemoryReclaim {
    if (!(balloonShare >= 0 && balloonShare <= 1)) throw new IllegalArgumentException("balloon share in [0, 1]");
    if (!(swapSlowdown >= 0)) throw new IllegalArgumentException("swap slowdown ≥ 0");
  }

  /** Returns the MiB ballooned on a host of {@code physicalMiB} whose VMs are allocated {@code allocatedMiB}. */
  public double balloonedMiB(double allocatedMiB, double physicalMiB) {
    double excess = Math.max(0, allocatedMiB - physicalMiB);
    return Math.min(excess, balloonShare * allocatedMiB);
  }

  /** Returns the MiB the hypervisor swaps once ballooning has reached its limit. */
  public double swappedMiB(double allocatedMiB, double physicalMiB) {
    return Math.max(0, allocatedMiB - physicalMiB) - balloonedMiB(allocatedMiB, physicalMiB);
  }

  /** Returns the speed factor (≤ 1) of the host's VMs under swapping. */
  public double speedFactor(double allocatedMiB, double physicalMiB) {
    double swapped = swappedMiB(allocatedMiB, physicalMiB);
    return swapped <= 0 ? 1 : 1 / (1 + swapSlowdown * swapped / allocatedMiB);
  }
}
