package dev.polyvirt.models.datacenter;

import java.util.Arrays;
import java.util.List;

/**
 * Hosts and the VMs placed on them: fixed allocations against each host's capacity after the
 * CPU and memory overcommit ratios, kept in a {@link HostIndex} so a placement never scans the
 * hosts. CPU is counted in milli-vCPUs, memory in MiB. A failed host offers no capacity until it
 * is repaired.
 */
public final class Cluster {
  private final HostModel[] models;
  private final long[] capCpu;
  private final long[] capMem;
  private final long[] freeCpu;
  private final long[] freeMem;
  private final boolean[] up;
  private final boolean[] reserved;
  private int[] reservedHosts = new int[0];
  private final HostIndex index;
  private final int[][] hostVms;
  private final int[] hostVmCount;
  private int[] vmHost = new int[64];
  private int[] vmSlot = new int[64];
  private VmShape[] vmShape = new VmShape[64];
  private int vms;

  /** Creates a cluster of {@code hosts} (one model per host) placing VMs with {@code policy}. */
  public Cluster(List<HostModel> hosts, double cpuOvercommit, double memoryOvercommit, PlacementPolicy policy) {
    if (!(cpuOvercommit >= 1) || !(memoryOvercommit >= 1)) throw new IllegalArgumentException("overcommit ratios are at least 1");
    int n = hosts.size();
    models = hosts.toArray(new HostModel[0]);
    capCpu = new long[n];
    capMem = new long[n];
    for (int h = 0; h < n; h++) {
      capCpu[h] = (long) Math.floor(models[h].cores() * 1000L * cpuOvercommit);
      capMem[h] = (long) Math.floor(models[h].memoryMiB() * memoryOvercommit);
    }
    freeCpu = capCpu.clone();
    freeMem = capMem.clone();
    up = new boolean[n];
    Arrays.fill(up, true);
    reserved = new boolean[n];
    hostVms = new int[n][];
    hostVmCount = new int[n];
    index = policy.index(freeCpu, freeMem);
  }

  /** Returns the number of hosts. */
  public int hosts() {
    return models.length;
  }

  /** Returns host {@code h}'s model. */
  public HostModel model(int h) {
    return models[h];
  }

  /** Adds a VM and places it; returns its id (its host is -1 when nothing had room). */
  public int add(VmShape shape) {
    if (vms == vmHost.length) {
      int c = vms * 2;
      vmHost = Arrays.copyOf(vmHost, c);
      vmSlot = Arrays.copyOf(vmSlot, c);
      vmShape = Arrays.copyOf(vmShape, c);
    }
    int id = vms++;
    vmShape[id] = shape;
    vmHost[id] = -1;
    place(id);
    return id;
  }

  /** Places an unplaced VM with the policy; returns its host or -1. */
  public int place(int vm) {
    int h = index.choose(cpuOf(vm), vmShape[vm].memoryMiB());
    if (h >= 0) attach(vm, h);
    return h;
  }

  /** Returns the host the policy would place VM {@code vm} on now (-1: none has room), without placing it. */
  public int choose(int vm) {
    return index.choose(cpuOf(vm), vmShape[vm].memoryMiB());
  }

  /** Moves a VM to host {@code to} (a migration); the caller checked that it fits. */
  public void move(int vm, int to) {
    detach(vm);
    attach(vm, to);
  }

  /** Returns true when host {@code h} is up and has room for VM {@code vm}. */
  public boolean fits(int vm, int h) {
    return up[h] && !reserved[h] && freeCpu[h] >= cpuOf(vm) && freeMem[h] >= vmShape[vm].memoryMiB();
  }

  /** Takes VM {@code vm} off its host (it is then unplaced). */
  public void detach(int vm) {
    int h = vmHost[vm];
    if (h < 0) return;
    int slot = vmSlot[vm];
    int last = hostVms[h][--hostVmCount[h]];
    hostVms[h][slot] = last;
    vmSlot[last] = slot;
    freeCpu[h] += cpuOf(vm);
    freeMem[h] += vmShape[vm].memoryMiB();
    vmHost[vm] = -1;
    refresh(h);
  }

  private void attach(int vm, int h) {
    if (hostVms[h] == null) hostVms[h] = new int[4];
    if (hostVmCount[h] == hostVms[h].length) hostVms[h] = Arrays.copyOf(hostVms[h], hostVmCount[h] * 2);
    vmSlot[vm] = hostVmCount[h];
    hostVms[h][hostVmCount[h]++] = vm;
    freeCpu[h] -= cpuOf(vm);
    freeMem[h] -= vmShape[vm].memoryMiB();
    vmHost[vm] = h;
    refresh(h);
  }

  /** Marks host {@code h} failed: it offers no room; returns the VMs it ran (now unplaced). */
  public int[] fail(int h) {
    int[] evicted = Arrays.copyOf(hostVms[h] == null ? new int[0] : hostVms[h], hostVmCount[h]);
    for (int vm : evicted) detach(vm);
    up[h] = false;
    refresh(h);
    return evicted;
  }

  /** Brings a failed host back into service. */
  public void repair(int h) {
    up[h] = true;
    refresh(h);
  }

  /**
   * Keeps host {@code h} free for HA restarts (vSphere HA admission control, "dedicated failover
   * hosts"): the placement policy no longer offers it; only {@link #fitsIgnoringReservation} does.
   */
  public void reserve(int h) {
    if (reserved[h]) return;
    reserved[h] = true;
    reservedHosts = Arrays.copyOf(reservedHosts, reservedHosts.length + 1);
    reservedHosts[reservedHosts.length - 1] = h;
    refresh(h);
  }

  /** Returns true when host {@code h} is kept for failover. */
  public boolean isReserved(int h) {
    return reserved[h];
  }

  /** Returns the failover hosts, in the order they were reserved. */
  public int[] reservedHosts() {
    return reservedHosts.clone();
  }

  /** Returns true when host {@code h} is up and has room for VM {@code vm}, reserved or not. */
  public boolean fitsIgnoringReservation(int vm, int h) {
    return up[h] && freeCpu[h] >= cpuOf(vm) && freeMem[h] >= vmShape[vm].memoryMiB();
  }

  private void refresh(int h) {
    if (up[h] && !reserved[h]) index.update(h, freeCpu[h], freeMem[h]);
    else index.update(h, -1, -1);
  }

  /** Returns host {@code h}'s free CPU in milli-vCPUs (after overcommit). */
  long freeCpu(int h) {
    return freeCpu[h];
  }

  /** Returns host {@code h}'s free memory in MiB (after overcommit). */
  long freeMemory(int h) {
    return freeMem[h];
  }

  /** Returns the CPU VM {@code vm} is allocated, in milli-vCPUs. */
  long cpuOf(int vm) {
    return vmShape[vm].vcpus() * 1000L;
  }

  /** Returns the number of VMs added. */
  public int vms() {
    return vms;
  }

  /** Returns VM {@code vm}'s host, or -1 when it is not placed. */
  public int hostOf(int vm) {
    return vmHost[vm];
  }

  /** Returns VM {@code vm}'s shape. */
  public VmShape shape(int vm) {
    return vmShape[vm];
  }

  /** Returns how many VMs host {@code h} runs. */
  public int vmCount(int h) {
    return hostVmCount[h];
  }

  /** Returns the {@code i}-th VM on host {@code h} (0 ≤ i < {@link #vmCount}). */
  public int vmOn(int h, int i) {
    return hostVms[h][i];
  }

  /** Returns true when host {@code h} is up. */
  public boolean isUp(int h) {
    return up[h];
  }

  /** Returns the fraction of host {@code h}'s physical memory its VMs are allocated (above 1 = overcommitted). */
  public double memoryAllocated(int h) {
    return (capMem[h] - freeMem[h]) / (double) models[h].memoryMiB();
  }

  /** Returns the fraction of host {@code h}'s physical cores its VMs are allocated (above 1 = overcommitted). */
  public double cpuAllocated(int h) {
    return (capCpu[h] - freeCpu[h]) / (models[h].cores() * 1000.0);
  }
}
