package dev.polyvirt.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.polyvirt.models.container.scheduling.Cluster;
import dev.polyvirt.models.container.scheduling.NodeSpec;
import dev.polyvirt.models.container.scheduling.PodRequest;
import dev.polyvirt.models.container.scheduling.ScoringPolicies;
import dev.polyvirt.models.container.scheduling.Scheduler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Packs the pods of Alibaba's GPU cluster trace (cluster-trace-gpu-v2023, "openb" lists; Weng et
 * al., "Beware of Fragmentation: Scheduling GPU-Sharing Workloads with Fragmentation Gradient
 * Descent", USENIX ATC 2023) onto its 1,523 nodes with each scoring policy, every node scored.
 *
 * <p>The experiment is the paper's workload inflation: every pod of the list in creation order,
 * none deleted (its GPU demand is 98 % of the cluster's GPUs, so fragmentation decides how much is
 * left pending). Replaying the lists' creation and deletion times instead is no test of packing:
 * at most ~66 GPUs' worth of pods overlap in time (1 % of the cluster), so nothing is ever pending.
 * Fragmentation follows the paper's §3 measure restricted to GPU pods: for each pod shape of the
 * trace (weighted by its share of GPU pods), the free GPU capacity it cannot use — all of a node's
 * free GPUs when the pod does not fit the node, else the GPUs with less free than the pod's share
 * — as a share of all free GPU capacity.
 *
 * <p>What is checked against the paper: its abstract reports that on this emulated cluster of
 * "more than 6,200 GPUs" packing schedulers leave "hundreds of GPUs unable to be allocated" and
 * that FGD recovers up to 290 of them (49 %), i.e. the packing baselines strand about 590 GPUs.
 * Filled with the trace, every kube-scheduler policy here strands hundreds of GPUs (asserted:
 * 300–900), with MostAllocated, the bin-packing one, near the paper's ~590. The ordering found —
 * MostAllocated strands the most, because it stacks the 1,088 CPU-only pods onto GPU nodes that
 * are already busy and so takes the CPU that GPU pods would need (the paper's CPU-caused
 * fragmentation) — is asserted as this trace's finding, not as a published one.
 */
class AlibabaGpuPackingTest {
  private static List<NodeSpec> nodes;
  private static List<long[]> pods; // cpu, mem, gpus, gpuMilli, creation, deletion

  private static Path data() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      Path d = p.resolve("shared/data/alibaba-gpu-2023");
      if (Files.isDirectory(d)) return d;
    }
    return null;
  }

  @BeforeAll
  static void load() throws IOException {
    Path d = data();
    assumeTrue(d != null, "the Alibaba GPU 2023 lists are in ../shared/data/alibaba-gpu-2023 (not found above this directory)");
    nodes = new ArrayList<>();
    for (String line : Files.readAllLines(d.resolve("openb_node_list_all_node.csv")).subList(1, 1524)) {
      String[] f = line.split(",", -1);
      nodes.add(new NodeSpec(f[0], Integer.parseInt(f[1]), Long.parseLong(f[2]), Integer.parseInt(f[3]),
          f[4].isEmpty() ? Map.of() : Map.of("gpu-model", f[4]), List.of()));
    }
    pods = new ArrayList<>();
    for (String line : Files.readAllLines(d.resolve("openb_pod_list_default.csv"))) {
      if (line.startsWith("name")) continue;
      String[] f = line.split(",", -1);
      int gpus = Integer.parseInt(f[3]);
      pods.add(new long[] {Long.parseLong(f[1]), Long.parseLong(f[2]), gpus, gpus == 0 ? 0 : Long.parseLong(f[4]),
          Long.parseLong(f[8]), Long.parseLong(f[9])});
    }
    pods.sort((a, b) -> Long.compare(a[4], b[4]));
  }

  private static PodRequest request(long[] p) {
    return PodRequest.of((int) p[0], p[1], (int) p[2], (int) p[3]);
  }

  /** Figures of one policy on one experiment. */
  record Packing(String policy, int placed, int pending, double gpuAllocated, double fragmentation) {
    /** Returns whole GPUs left unallocated. */
    double unallocatedGpus() {
      return (1 - gpuAllocated) * 6212;
    }
  }

  static Packing fill(String policy) {
    Scheduler s = new Scheduler(new Cluster(nodes), ScoringPolicies.get(policy).orElseThrow(), 100);
    int placed = 0;
    for (long[] p : pods) if (s.place(request(p)) != null) placed++;
    return new Packing(policy, placed, pods.size() - placed, gpuAllocated(s.cluster()), fragmentation(s.cluster()));
  }

  static double gpuAllocated(Cluster c) {
    long total = 0, free = 0;
    for (int n = 0; n < c.size(); n++) {
      total += 1000L * c.node(n).gpus();
      free += c.freeGpuMilli(n);
    }
    return 1 - free / (double) total;
  }

  static double fragmentation(Cluster c) {
    Map<List<Long>, Integer> shapes = new LinkedHashMap<>();
    int gpuPods = 0;
    for (long[] p : pods) {
      if (p[2] == 0) continue;
      shapes.merge(List.of(p[0], p[1], p[2], p[3]), 1, Integer::sum);
      gpuPods++;
    }
    long free = 0;
    for (int n = 0; n < c.size(); n++) free += c.freeGpuMilli(n);
    if (free == 0) return 0;
    double frag = 0;
    for (var e : shapes.entrySet()) {
      List<Long> k = e.getKey();
      PodRequest p = PodRequest.of(k.get(0).intValue(), k.get(1), k.get(2).intValue(), k.get(3).intValue());
      long unusable = 0;
      for (int n = 0; n < c.size(); n++) {
        if (!c.fits(n, p)) {
          unusable += c.freeGpuMilli(n);
        } else {
          for (int g = 0; g < c.node(n).gpus(); g++) if (c.gpuFree(n, g) < p.gpuMilli()) unusable += c.gpuFree(n, g);
        }
      }
      frag += e.getValue() / (double) gpuPods * unusable / free;
    }
    return frag;
  }

  private static String row(String experiment, Packing p) {
    return String.format(Locale.ROOT, "%-7s %-19s placed %5d  pending %5d  GPUs allocated %5.1f %% (%4.0f GPUs idle)  fragmentation %5.1f %%",
        experiment, p.policy(), p.placed(), p.pending(), 100 * p.gpuAllocated(), p.unallocatedGpus(), 100 * p.fragmentation());
  }

  @Test
  void fillingTheClusterStrandsHundredsOfGpusAsThePaperReports() {
    Map<String, Packing> r = new LinkedHashMap<>();
    for (String policy : ScoringPolicies.names()) r.put(policy, fill(policy));
    r.values().forEach(p -> System.out.println(row("fill", p)));
    Packing spread = r.get("LeastAllocated"), pack = r.get("MostAllocated");
    for (Packing p : r.values()) {
      assertThat(p.placed() + p.pending()).isEqualTo(8152);
      assertThat(p.gpuAllocated()).isBetween(0.0, 1.0);
    }
    for (Packing p : r.values()) assertThat(p.unallocatedGpus()).as(p.policy()).isBetween(300.0, 900.0);
    assertThat(Math.abs(pack.unallocatedGpus() - 590)).isLessThan(100); // the paper's packing baselines
    // this trace's finding: bin-packing CPU-only pods onto busy GPU nodes strands the most GPUs
    assertThat(pack.pending()).isGreaterThan(spread.pending());
    assertThat(pack.fragmentation()).isGreaterThan(spread.fragmentation());
  }
}
