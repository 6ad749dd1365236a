package dev.polyvirt.models.datacenter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;
import java.util.function.IntToDoubleFunction;

/**
 * Where consolidation puts a VM (power-aware best fit, Beloglazov &amp; Buyya, CCPE 2012 §6): the
 * host whose power rises least and that stays under the overload detector. Instead of a pass over
 * every host per VM (CloudSim's PABFD), hosts are grouped by model and power state (on, or switched
 * off) and each group keeps a {@link FirstFit.Tree} over its free capacity: within a group of a
 * linear power curve every host's rise is the same, so the lowest-numbered host that fits and
 * passes the detector is the best of its group, found in O(log hosts) per host the detector turns
 * down. The groups' candidates (a few models × two states) are then compared by their rise, ties to
 * the lowest host. With a SPECpower table (not a line) the rise also depends on the host's load, and
 * the group's lowest-numbered fitting host stands for it — an approximation of PABFD.
 *
 * <p>Hosts that are down, kept for failover, or closed (overloaded, being emptied) are never
 * offered; capacity reserved tentatively (a host being emptied, all VMs or none) counts as taken.
 */
final class PowerAwareFit {
  private final Cluster c;
  private final boolean switchOff;
  private final int[][] members;
  private final int[] group;
  private final int[] slot;
  private final FirstFit.Tree[] on;
  private final FirstFit.Tree[] off;
  private final boolean[] closed;
  private final long[] extraCpu;
  private final long[] extraMem;

  /** Indexes the cluster's hosts as they are now; {@code closed} hosts are never offered. */
  PowerAwareFit(Cluster c, boolean switchOff, boolean[] closed) {
    this.c = c;
    this.switchOff = switchOff;
    int hosts = c.hosts();
    this.closed = closed.clone();
    extraCpu = new long[hosts];
    extraMem = new long[hosts];
    group = new int[hosts];
    slot = new int[hosts];
    Map<HostModel, List<Integer>> byModel = new LinkedHashMap<>();
    for (int h = 0; h < hosts; h++) byModel.computeIfAbsent(c.model(h), m -> new ArrayList<>()).add(h);
    members = new int[byModel.size()][];
    on = new FirstFit.Tree[members.length];
    off = new FirstFit.Tree[members.length];
    int g = 0;
    for (List<Integer> list : byModel.values()) {
      members[g] = list.stream().mapToInt(Integer::intValue).toArray();
      long[] none = new long[members[g].length];
      java.util.Arrays.fill(none, -1);
      on[g] = new FirstFit.Tree(none, none);
      off[g] = new FirstFit.Tree(none, none);
      for (int s = 0; s < members[g].length; s++) {
        group[members[g][s]] = g;
        slot[members[g][s]] = s;
        refresh(members[g][s]);
      }
      g++;
    }
  }

  /** Returns true when host {@code h} draws power (it runs VMs, has some reserved, or empty hosts stay on). */
  boolean isOn(int h) {
    return c.vmCount(h) > 0 || extraCpu[h] > 0 || !switchOff;
  }

  /** Stops offering host {@code h}. */
  void close(int h) {
    closed[h] = true;
    refresh(h);
  }

  /** Takes ({@code sign} 1) or gives back (-1) VM {@code v}'s capacity on host {@code h} tentatively. */
  void reserve(int v, int h, int sign) {
    extraCpu[h] += sign * c.cpuOf(v);
    extraMem[h] += sign * c.shape(v).memoryMiB();
    refresh(h);
  }

  /** Re-reads host {@code h} after the cluster changed it (a migration in or out). */
  void refresh(int h) {
    int g = group[h], s = slot[h];
    boolean open = c.isUp(h) && !c.isReserved(h) && !closed[h];
    long cpu = c.freeCpu(h) - extraCpu[h], mem = c.freeMemory(h) - extraMem[h];
    boolean powered = isOn(h);
    on[g].update(s, open && powered ? cpu : -1, open && powered ? mem : -1);
    off[g].update(s, open && !powered ? cpu : -1, open && !powered ? mem : -1);
  }

  /**
   * Returns the host for VM {@code v} with the least {@code rise} among those that fit and that
   * {@code accepts} (the detector), switched-off hosts only when {@code allowOff}; -1 if none.
   */
  int choose(int v, boolean allowOff, IntPredicate accepts, IntToDoubleFunction rise) {
    long cpu = c.cpuOf(v), mem = c.shape(v).memoryMiB();
    int from = c.hostOf(v);
    int best = -1;
    double bestRise = Double.MAX_VALUE;
    for (int g = 0; g < members.length; g++) {
      for (int state = 0; state < (allowOff ? 2 : 1); state++) {
        int t = first(g, state == 0 ? on[g] : off[g], cpu, mem, from, accepts);
        if (t < 0) continue;
        double r = rise.applyAsDouble(t);
        if (r < bestRise || (r == bestRise && t < best)) {
          bestRise = r;
          best = t;
        }
      }
    }
    return best;
  }

  /** Returns group {@code g}'s lowest-numbered host in {@code tree} that fits and is accepted, or -1. */
  private int first(int g, FirstFit.Tree tree, long cpu, long mem, int from, IntPredicate accepts) {
    List<Integer> turnedDown = new ArrayList<>();
    int found = -1;
    for (int s; (s = tree.choose(cpu, mem)) >= 0; ) {
      int t = members[g][s];
      if (t != from && accepts.test(t)) {
        found = t;
        break;
      }
      turnedDown.add(t);
      tree.update(s, -1, -1);
    }
    for (int t : turnedDown) refresh(t);
    return found;
  }
}
