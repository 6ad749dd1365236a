package dev.polyvirt.models.container.scheduling;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class SchedulerTest {
  private static Scheduler scheduler(String policy, List<NodeSpec> nodes) {
    return new Scheduler(new Cluster(nodes), ScoringPolicies.get(policy).orElseThrow(), 100);
  }

  private static List<NodeSpec> plain(int n, int cpu, long mem) {
    List<NodeSpec> nodes = new ArrayList<>();
    for (int i = 0; i < n; i++) nodes.add(NodeSpec.of("n" + i, cpu, mem, 0));
    return nodes;
  }

  @Test
  void leastAllocatedSpreadsAndMostAllocatedPacks() {
    PodRequest pod = PodRequest.of(1000, 1024, 0, 0);
    Scheduler spread = scheduler("LeastAllocated", plain(4, 4000, 8192));
    Scheduler pack = scheduler("MostAllocated", plain(4, 4000, 8192));
    for (int i = 0; i < 4; i++) {
      spread.place(pod);
      pack.place(pod);
    }
    for (int n = 0; n < 4; n++) assertThat(spread.cluster().freeCpu(n)).isEqualTo(3000);
    assertThat(pack.cluster().freeCpu(0)).isZero();
    assertThat(pack.cluster().freeCpu(1)).isEqualTo(4000);
  }

  @Test
  void balancedAllocationPrefersTheNodeWhoseResourcesEvenOut() {
    // n0 is CPU-heavy used, n1 memory-heavy used; a memory-heavy pod evens n0 out
    Scheduler s = scheduler("BalancedAllocation", plain(2, 4000, 4096));
    s.cluster().bind(0, PodRequest.of(2000, 0, 0, 0));
    s.cluster().bind(1, PodRequest.of(0, 2048, 0, 0));
    assertThat(s.select(PodRequest.of(0, 2048, 0, 0))).isEqualTo(0);
  }

  @Test
  void aPodNoNodeFitsStaysPending() {
    Scheduler s = scheduler("LeastAllocated", plain(3, 2000, 4096));
    assertThat(s.place(PodRequest.of(2500, 10, 0, 0))).isNull();
    assertThat(s.place(PodRequest.of(100, 5000, 0, 0))).isNull();
    assertThat(s.place(PodRequest.of(100, 10, 1, 1000))).isNull();
    assertThat(s.cluster().pods()).isZero();
  }

  @Test
  void nodeSelectorAndTaintsFilterNodes() {
    Taint gpuOnly = new Taint("dedicated", "gpu", "NoSchedule");
    List<NodeSpec> nodes = List.of(
        new NodeSpec("plain", 4000, 8192, 0, Map.of("zone", "a"), List.of()),
        new NodeSpec("tainted", 4000, 8192, 0, Map.of("zone", "b"), List.of(gpuOnly)),
        new NodeSpec("soft", 4000, 8192, 0, Map.of("zone", "c"), List.of(new Taint("x", "y", "PreferNoSchedule"))));
    Scheduler s = scheduler("LeastAllocated", nodes);
    assertThat(s.select(new PodRequest(100, 10, 0, 0, Map.of("zone", "b"), List.of()))).isEqualTo(-1);
    assertThat(s.select(new PodRequest(100, 10, 0, 0, Map.of("zone", "b"),
        List.of(new Toleration("dedicated", "Equal", "gpu", "NoSchedule"))))).isEqualTo(1);
    assertThat(s.select(new PodRequest(100, 10, 0, 0, Map.of("zone", "b"),
        List.of(new Toleration("", "Exists", "", ""))))).isEqualTo(1);
    assertThat(s.select(new PodRequest(100, 10, 0, 0, Map.of("zone", "c"), List.of()))).isEqualTo(2);
  }

  @Test
  void sharedGpusGoToTheFullestGpuThatFits() {
    Cluster c = new Cluster(List.of(NodeSpec.of("g", 64000, 65536, 2)));
    Scheduler s = new Scheduler(c, ScoringPolicies.get("MostAllocated").orElseThrow(), 100);
    Placement a = s.place(PodRequest.of(1000, 1024, 1, 600));
    Placement b = s.place(PodRequest.of(1000, 1024, 1, 300));
    assertThat(b.gpuMask()).isEqualTo(a.gpuMask()); // 400 left on a's GPU: best fit
    assertThat(s.place(PodRequest.of(1000, 1024, 1, 1000)).gpuMask()).isNotEqualTo(a.gpuMask());
    assertThat(s.place(PodRequest.of(1000, 1024, 1, 200))).isNull(); // 100 + 0 left
    s.remove(a);
    assertThat(c.gpuFree(0, Long.numberOfTrailingZeros(a.gpuMask()))).isEqualTo(700);
  }

  @Test
  void feasibleNodesToFindFollowsKubeSchedulerDefaults() {
    assertThat(Scheduler.feasibleNodesToFind(50, 0)).isEqualTo(50);
    assertThat(Scheduler.feasibleNodesToFind(100, 0)).isEqualTo(100); // 50 % of 100 < the 100 floor
    assertThat(Scheduler.feasibleNodesToFind(1000, 0)).isEqualTo(420); // 50 - 8 = 42 %
    assertThat(Scheduler.feasibleNodesToFind(5000, 0)).isEqualTo(500); // 10 %: the docs' 5,000-node figure
    assertThat(Scheduler.feasibleNodesToFind(10000, 0)).isEqualTo(500); // floor of 5 %
    assertThat(Scheduler.feasibleNodesToFind(5000, 30)).isEqualTo(1500);
  }

  /** With every node scored the indexed search must pick what a brute-force scan picks. */
  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void indexedSearchMatchesABruteForceScan(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    List<NodeSpec> nodes = new ArrayList<>();
    for (int i = 0; i < 300; i++) nodes.add(NodeSpec.of("n" + i, 4000 * (1 + rnd.nextInt(4)), 8192L * (1 + rnd.nextInt(4)), rnd.nextInt(3)));
    for (String policy : ScoringPolicies.names()) {
      Cluster c = new Cluster(nodes);
      ScoringPolicy sp = ScoringPolicies.get(policy).orElseThrow();
      Scheduler s = new Scheduler(c, sp, 100);
      List<Placement> placed = new ArrayList<>();
      for (int step = 0; step < 3000; step++) {
        if (!placed.isEmpty() && rnd.nextInt(3) == 0) {
          s.remove(placed.remove(rnd.nextInt(placed.size())));
          continue;
        }
        int gpus = rnd.nextInt(4) == 0 ? 1 : 0;
        PodRequest p = PodRequest.of(250 * (1 + rnd.nextInt(8)), 512L * (1 + rnd.nextInt(8)), gpus, gpus == 0 ? 0 : 100 * (1 + rnd.nextInt(10)));
        int brute = -1;
        double best = Double.NEGATIVE_INFINITY;
        for (int n = 0; n < c.size(); n++) {
          if (c.fits(n, p) && sp.score(c, n, p) > best) {
            best = sp.score(c, n, p);
            brute = n;
          }
        }
        int chosen = s.select(p);
        if (brute < 0) {
          assertThat(chosen).isEqualTo(-1);
        } else {
          assertThat(sp.score(c, chosen, p)).as(policy + " step " + step).isEqualTo(best);
          placed.add(new Placement(chosen, c.bind(chosen, p), p));
        }
      }
    }
  }
}
