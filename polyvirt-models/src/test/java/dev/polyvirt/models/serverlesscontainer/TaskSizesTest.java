package dev.polyvirt.models.serverlesscontainer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The AWS Fargate task-size table and how instance sizes are chosen from it. */
class TaskSizesTest {
  private static final long MI = 1L << 20;

  @Test
  void theTableIsAwsFargatesTaskSizes() {
    // The valid sizes are exactly those of "AWS Fargate task definition parameters: task size", GB = 1024 MiB.
    assertThat(TaskSizes.memoryOptions(250)).containsExactly(512L, 1024L, 2048L);
    assertThat(TaskSizes.memoryOptions(500)).containsExactly(1024L, 2048L, 3072L, 4096L);
    assertThat(TaskSizes.memoryOptions(1000)).hasSize(7).startsWith(2048L).endsWith(8192L);
    assertThat(TaskSizes.memoryOptions(2000)).hasSize(13).startsWith(4096L).endsWith(16384L);
    assertThat(TaskSizes.memoryOptions(4000)).hasSize(23).startsWith(8192L).endsWith(30720L);
    assertThat(TaskSizes.memoryOptions(8000)).hasSize(12).startsWith(16384L).contains(20480L).doesNotContain(17408L).endsWith(61440L);
    assertThat(TaskSizes.memoryOptions(16000)).hasSize(12).startsWith(32768L).contains(40960L).doesNotContain(36864L).endsWith(122880L);
    assertThat(TaskSizes.memoryOptions(3000)).isEmpty();
    assertThat(TaskSizes.validForSomeCpu(3584)).isFalse();
    assertThat(TaskSizes.validForSomeCpu(30720)).isTrue();
  }

  @ParameterizedTest(name = "request {0}m / {1} MiB x {2} -> {3}m / {4} MiB")
  @CsvSource({
      "250,  256, 80, 4000,  20480",  // SPEC.md's example: 20 GiB of requests need 4 vCPU (1 and 2 vCPU stop at 8 and 16 GB)
      "1000, 128, 80, 4000,  10240",  // the spec defaults (1 core, 128 MiB): 4 requests' CPU, 10 GiB
      "250,  256, 1,  250,   512",    // one small request: the smallest task
      "100,  64,  10, 500,   1024",   // 4 × 100m = 400m -> 0.5 vCPU; 640 MiB -> its smallest, 1 GB
      "500,  512, 80, 8000,  40960",  // 40 GiB -> 8 vCPU in 4 GB steps
      "2000, 1024, 4, 8000,  16384",  // 4 × 2 cores -> 8 vCPU; 4 GiB fits its smallest memory
      "8000, 128, 4,  16000, 32768"}) // 32 cores wanted, 16 vCPU at most
  void defaultSizeIsTheSmallestHoldingTheRequests(int cpu, long memMiB, int cc, int expectedCpu, long expectedMemMiB) {
    // Without cpu and memory, the task is the smallest CPU >= request CPU × min(cc, 4) whose memory holds cc × request memory.
    assertThat(TaskSizes.choose(cpu, memMiB * MI, cc, Optional.empty(), OptionalLong.empty()))
        .contains(new TaskSizes.TaskSize(expectedCpu, expectedMemMiB));
  }

  @Test
  void givenCpuOrMemoryIsKeptAndTheOtherChosenToFit() {
    // A cpu written in the spec is kept (memory: its smallest valid size holding the requests); a memory written is kept too.
    assertThat(TaskSizes.choose(250, 256 * MI, 80, Optional.of(16000), OptionalLong.empty())).contains(new TaskSizes.TaskSize(16000, 32768));
    assertThat(TaskSizes.choose(250, 16 * MI, 10, Optional.of(1000), OptionalLong.empty())).contains(new TaskSizes.TaskSize(1000, 2048));
    assertThat(TaskSizes.choose(250, 16 * MI, 10, Optional.empty(), OptionalLong.of(4096))).contains(new TaskSizes.TaskSize(1000, 4096));
    // 1 GB only goes with 0.25 and 0.5 vCPU: the larger of them
    assertThat(TaskSizes.choose(1000, 16 * MI, 10, Optional.empty(), OptionalLong.of(1024))).contains(new TaskSizes.TaskSize(500, 1024));
  }

  @Test
  void noSizeWhenTheRequestsDoNotFit() {
    // No task holds 80 × 2 GiB = 160 GiB (the largest has 120 GB); a given memory below the requests' need, or a cpu too small
    // for their memory, fits nothing either.
    assertThat(TaskSizes.choose(250, 2048 * MI, 80, Optional.empty(), OptionalLong.empty())).isEmpty();
    assertThat(TaskSizes.choose(250, 256 * MI, 80, Optional.empty(), OptionalLong.of(8192))).isEmpty();
    assertThat(TaskSizes.choose(250, 256 * MI, 80, Optional.of(1000), OptionalLong.empty())).isEmpty();
    assertThat(TaskSizes.neededMemoryMiB(256 * MI, 80)).isEqualTo(20480);
    assertThat(TaskSizes.neededMemoryMiB(300_000_000L, 3)).isEqualTo(859);
  }

  @Test
  void sizesAreDescribedAsSpecsWriteThem() {
    // Sizes print as vCPUs and Kubernetes memory quantities.
    assertThat(new TaskSizes.TaskSize(250, 512).describe()).isEqualTo("0.25 vCPU / 512Mi");
    assertThat(new TaskSizes.TaskSize(16000, 122880).describe()).isEqualTo("16 vCPU / 120Gi");
    assertThat(TaskSizes.describeMemory(8000)).isEqualTo("16–60 GB in 4 GB steps");
    assertThat(List.of(TaskSizes.cpuList())).containsExactly("0.25, 0.5, 1, 2, 4, 8 or 16");
  }
}
