package dev.polyvirt.models.datacenter;

/**
 * First fit: the lowest-numbered host with room, CloudSim's default ({@code VmAllocationPolicySimple}
 * scans the list; we do not). A segment tree keeps each subtree's largest free CPU and largest free
 * memory, so the search descends to the leftmost fitting host in O(log hosts); a subtree whose
 * maxima fit but whose hosts each lack one of the two is left again (rare: CPU and memory are
 * allocated together).
 */
public final class FirstFit implements PlacementPolicy {
  @Override
  public String name() {
    return "first-fit";
  }

  @Override
  public HostIndex index(long[] freeCpu, long[] freeMemory) {
    return new Tree(freeCpu, freeMemory);
  }

  static final class Tree implements HostIndex {
    private final int leaves;
    private final long[] maxCpu;
    private final long[] maxMem;
    private final int hosts;

    Tree(long[] freeCpu, long[] freeMemory) {
      hosts = freeCpu.length;
      int l = 1;
      while (l < Math.max(1, hosts)) l <<= 1;
      leaves = l;
      maxCpu = new long[2 * l];
      maxMem = new long[2 * l];
      java.util.Arrays.fill(maxCpu, -1);
      java.util.Arrays.fill(maxMem, -1);
      for (int h = 0; h < hosts; h++) {
        maxCpu[l + h] = freeCpu[h];
        maxMem[l + h] = freeMemory[h];
      }
      for (int i = l - 1; i >= 1; i--) pull(i);
    }

    @Override
    public int choose(long cpu, long memory) {
      return leftmost(1, cpu, memory);
    }

    private int leftmost(int node, long cpu, long memory) {
      if (maxCpu[node] < cpu || maxMem[node] < memory) return -1;
      if (node >= leaves) return node - leaves;
      int left = leftmost(2 * node, cpu, memory);
      return left >= 0 ? left : leftmost(2 * node + 1, cpu, memory);
    }

    @Override
    public void update(int host, long freeCpu, long freeMemory) {
      int i = leaves + host;
      maxCpu[i] = freeCpu;
      maxMem[i] = freeMemory;
      for (i >>= 1; i >= 1; i >>= 1) pull(i);
    }

    private void pull(int i) {
      maxCpu[i] = Math.max(maxCpu[2 * i], maxCpu[2 * i + 1]);
      maxMem[i] = Math.max(maxMem[2 * i], maxMem[2 * i + 1]);
    }
  }
}
