package dev.polyvirt.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.polyvirt.engine.SimTime;
import dev.polyvirt.engine.random.RandomStreams;
import dev.polyvirt.models.datacenter.BatchJobs;
import dev.polyvirt.models.datacenter.BatchResult;
import dev.polyvirt.models.datacenter.BatchRun;
import dev.polyvirt.models.datacenter.Cluster;
import dev.polyvirt.models.datacenter.FirstFit;
import dev.polyvirt.models.datacenter.HostModel;
import dev.polyvirt.models.datacenter.PowerCurve;
import dev.polyvirt.models.datacenter.TaskExecution;
import dev.polyvirt.models.datacenter.VmShape;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;

import org.junit.jupiter.api.Test;

/**
 * Batch tasks with Poisson arrivals and exponential lengths on one VM are textbook queues.
 * Time-shared on one vCPU is M/M/1 processor sharing: mean response E[T] = E[S] / (1 − ρ)
 * (Kleinrock, Queueing Systems vol. 2, 1976, §4.4). Space-shared on c vCPUs is M/M/c FCFS: the
 * mean wait is Erlang C × E[S] / (c (1 − ρ)) (Erlang C as in {@link ErlangC}).
 */
class BatchQueueingTest {
  static final HostModel HOST = new HostModel("h", 4, 1000, 16_384, 1000, PowerCurve.linear(100, 200));

  static BatchResult run(int vcpus, double lambda, double meanSeconds, int tasks, TaskExecution mode, long seed) {
    Cluster c = new Cluster(List.of(HOST), 1, 1, new FirstFit());
    c.add(new VmShape("v", vcpus, 1000, 1024));
    RandomStreams s = RandomStreams.root(seed).child("batch-queue");
    UniformRandomProvider a = s.stream("arrivals");
    UniformRandomProvider l = s.stream("lengths");
    long[] at = new long[tasks];
    double[] len = new double[tasks];
    double t = 0;
    for (int i = 0; i < tasks; i++) {
      t += -Math.log(1 - a.nextDouble()) / lambda;
      at[i] = SimTime.ofSeconds(t);
      len[i] = -Math.log(1 - l.nextDouble()) * meanSeconds * 1000;
    }
    return BatchRun.run(c, new BatchJobs(at, len, new int[tasks]), mode, 0, false);
  }

  @Test
  void timeSharedOneVcpuIsMm1ProcessorSharing() {
    // λ = 0.5/s, E[S] = 1 s: ρ = 0.5, E[T] = 2 s; 400k tasks give a standard error well under 1 %
    BatchResult r = run(1, 0.5, 1.0, 400_000, TaskExecution.TIME_SHARED, 11);
    assertThat(r.meanResponseSeconds()).isCloseTo(2.0, within(2.0 * 0.03));
    assertThat(r.meanQueueingDelaySeconds()).isZero();
  }

  @Test
  void spaceSharedVcpusAreMmcFirstComeFirstServed() {
    // c = 4, λ = 3/s, E[S] = 1 s: ρ = 0.75; mean wait = C(4, 3) × 1 / (4 × 0.25)
    double expectedWait = ErlangC.probabilityOfWaiting(4, 3.0) * 1.0 / (4 * (1 - 0.75));
    BatchResult r = run(4, 3.0, 1.0, 400_000, TaskExecution.SPACE_SHARED, 12);
    assertThat(r.meanQueueingDelaySeconds()).isCloseTo(expectedWait, within(expectedWait * 0.05));
    assertThat(r.meanResponseSeconds()).isCloseTo(expectedWait + 1.0, within((expectedWait + 1.0) * 0.03));
  }
}
