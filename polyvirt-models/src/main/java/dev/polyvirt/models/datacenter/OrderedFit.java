package dev.polyvirt.models.datacenter;

import java.util.Iterator;
import java.util.TreeSet;

/**
 * Best fit (the host with the least free CPU that still fits: packs tightly) and worst fit (the
 * host with the most free CPU: spreads load). Hosts sit in a sorted set keyed by (free CPU, host),
 * so the choice is a ceiling or a last lookup, O(log hosts); memory is checked on the hosts met
 * in CPU order (they rarely disagree, as CPU and memory are allocated together).
 */
public final class OrderedFit implements PlacementPolicy {
  private final String name;
  private final boolean tightest;

  private OrderedFit(String name, boolean tightest) {
    this.name = name;
    this.tightest = tightest;
  }

  /** Returns best fit: the tightest host that fits. */
  public static OrderedFit bestFit() {
    return new OrderedFit("best-fit", true);
  }

  /** Returns worst fit: the emptiest host (spread). */
  public static OrderedFit worstFit() {
    return new OrderedFit("worst-fit", false);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public HostIndex index(long[] freeCpu, long[] freeMemory) {
    return new Sorted(freeCpu, freeMemory, tightest);
  }

  static final class Sorted implements HostIndex {
    private final TreeSet<Long> byFreeCpu = new TreeSet<>();
    private final long[] cpu;
    private final long[] mem;
    private final boolean tightest;

    Sorted(long[] freeCpu, long[] freeMemory, boolean tightest) {
      this.cpu = freeCpu.clone();
      this.mem = freeMemory.clone();
      this.tightest = tightest;
      for (int h = 0; h < cpu.length; h++) byFreeCpu.add(key(cpu[h], h));
    }

    private static long key(long freeCpu, int host) {
      return (freeCpu << 24) | host; // hosts < 2^24, free milli-vCPUs < 2^39
    }

    @Override
    public int choose(long needCpu, long needMemory) {
      Iterator<Long> it = tightest ? byFreeCpu.tailSet(key(needCpu, 0), true).iterator() : byFreeCpu.descendingIterator();
      while (it.hasNext()) {
        int h = (int) (it.next() & 0xFFFFFF);
        if (cpu[h] < needCpu) return -1;
        if (mem[h] >= needMemory) return h;
      }
      return -1;
    }

    @Override
    public void update(int host, long freeCpu, long freeMemory) {
      byFreeCpu.remove(key(cpu[host], host));
      cpu[host] = freeCpu;
      mem[host] = freeMemory;
      byFreeCpu.add(key(freeCpu, host));
    }
  }
}
