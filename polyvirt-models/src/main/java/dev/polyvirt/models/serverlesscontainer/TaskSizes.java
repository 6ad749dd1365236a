package dev.polyvirt.models.serverlesscontainer;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The CPU and memory sizes an AWS Fargate (Linux) task may have ("AWS Fargate task definition
 * parameters: task size"; Amazon ECS "Task CPU and memory"): 0.25 vCPU with 512 MiB, 1 GB or
 * 2 GB; 0.5 vCPU with 1–4 GB; 1 vCPU with 2–8 GB; 2 vCPU with 4–16 GB; 4 vCPU with 8–30 GB, all in
 * 1 GB steps; 8 vCPU with 16–60 GB in 4 GB steps; 16 vCPU with 32–120 GB in 8 GB steps. Fargate's
 * "GB" is 1,024 MiB, as its task definitions count memory in MiB. CPU is in millicores here
 * (1 vCPU = 1000), the unit {@link dev.polyvirt.pricing.FargateMeter} bills.
 */
public final class TaskSizes {
  /** The valid task CPU sizes in millicores, ascending. */
  public static final List<Integer> CPU_MILLIS = List.of(250, 500, 1000, 2000, 4000, 8000, 16000);

  private TaskSizes() {}

  /** One valid task size. */
  public record TaskSize(int cpuMillis, long memoryMiB) {
    /** Describes the size as specs write it: "1 vCPU / 2Gi". */
    public String describe() {
      return vcpus(cpuMillis) + " vCPU / " + mib(memoryMiB);
    }
  }

  /** Returns true when {@code cpuMillis} is a valid task CPU size. */
  public static boolean validCpu(int cpuMillis) {
    return CPU_MILLIS.contains(cpuMillis);
  }

  /** Returns the memory sizes (MiB, ascending) valid with {@code cpuMillis}; empty for an invalid CPU size. */
  public static List<Long> memoryOptions(int cpuMillis) {
    long[] range = range(cpuMillis);
    List<Long> out = new ArrayList<>();
    if (range == null) return out;
    if (cpuMillis == 250) return List.of(512L, 1024L, 2048L);
    for (long m = range[0]; m <= range[1]; m += range[2]) out.add(m);
    return out;
  }

  /** Returns true when a task of {@code cpuMillis} may have {@code memoryMiB}. */
  public static boolean valid(int cpuMillis, long memoryMiB) {
    return memoryOptions(cpuMillis).contains(memoryMiB);
  }

  /** Returns true when some task CPU size accepts {@code memoryMiB}. */
  public static boolean validForSomeCpu(long memoryMiB) {
    return CPU_MILLIS.stream().anyMatch(c -> valid(c, memoryMiB));
  }

  /** Returns the smallest memory valid with {@code cpuMillis} that is at least {@code atLeastMiB}. */
  public static OptionalLong smallestMemory(int cpuMillis, long atLeastMiB) {
    for (long m : memoryOptions(cpuMillis)) if (m >= atLeastMiB) return OptionalLong.of(m);
    return OptionalLong.empty();
  }

  /** Describes the memory valid with {@code cpuMillis}, e.g. "2–8 GB in 1 GB steps". */
  public static String describeMemory(int cpuMillis) {
    if (cpuMillis == 250) return "512 MiB, 1 GB or 2 GB";
    long[] r = range(cpuMillis);
    if (r == null) return "none";
    return (r[0] / 1024) + "–" + (r[1] / 1024) + " GB in " + (r[2] / 1024) + " GB steps";
  }

  /**
   * Chooses the task size for instances that serve {@code concurrency} requests of
   * {@code requestCpuMillis} and {@code requestMemoryBytes} each.
   *
   * <p>CPU, unless given: the smallest size of at least the request's CPU × min(concurrency, 4),
   * i.e. room for up to four requests at full speed before they share the CPU (capped at 16
   * vCPU), whose memory range holds the requests. Memory, unless given: the smallest valid size
   * that holds {@code concurrency} × the request's memory. Empty when no size satisfies both.
   * A given memory below what the requests need yields empty too (the instance would run out of
   * memory at full concurrency).
   */
  public static Optional<TaskSize> choose(int requestCpuMillis, long requestMemoryBytes, int concurrency,
      Optional<Integer> cpuMillis, OptionalLong memoryMiB) {
    long needMiB = neededMemoryMiB(requestMemoryBytes, concurrency);
    if (memoryMiB.isPresent() && memoryMiB.getAsLong() < needMiB) return Optional.empty();
    List<Integer> cpus;
    if (cpuMillis.isPresent()) {
      cpus = List.of(cpuMillis.get());
    } else {
      long wanted = Math.min(16000L, (long) requestCpuMillis * Math.min(concurrency, 4));
      cpus = CPU_MILLIS.stream().filter(c -> c >= wanted).toList();
    }
    for (int c : cpus) {
      Optional<TaskSize> t = fit(c, needMiB, memoryMiB);
      if (t.isPresent()) return t;
    }
    if (cpuMillis.isEmpty() && memoryMiB.isPresent()) {
      // the memory given only goes with smaller CPU sizes: take the largest of those
      for (int i = CPU_MILLIS.size() - 1; i >= 0; i--) {
        Optional<TaskSize> t = fit(CPU_MILLIS.get(i), needMiB, memoryMiB);
        if (t.isPresent()) return t;
      }
    }
    return Optional.empty();
  }

  /** Returns the memory {@code concurrency} requests of {@code requestMemoryBytes} hold at once, in whole MiB. */
  public static long neededMemoryMiB(long requestMemoryBytes, int concurrency) {
    long bytes = Math.multiplyExact(requestMemoryBytes, (long) concurrency);
    return (bytes + (1L << 20) - 1) >> 20;
  }

  private static Optional<TaskSize> fit(int cpu, long needMiB, OptionalLong memoryMiB) {
    if (memoryMiB.isPresent()) {
      return valid(cpu, memoryMiB.getAsLong()) ? Optional.of(new TaskSize(cpu, memoryMiB.getAsLong())) : Optional.empty();
    }
    OptionalLong m = smallestMemory(cpu, needMiB);
    return m.isPresent() ? Optional.of(new TaskSize(cpu, m.getAsLong())) : Optional.empty();
  }

  /** Returns {min, max, step} in MiB for {@code cpuMillis}, or null for an invalid size. */
  private static long[] range(int cpuMillis) {
    return switch (cpuMillis) {
      case 250 -> new long[] {512, 2048, 512};
      case 500 -> new long[] {1024, 4096, 1024};
      case 1000 -> new long[] {2048, 8192, 1024};
      case 2000 -> new long[] {4096, 16384, 1024};
      case 4000 -> new long[] {8192, 30720, 1024};
      case 8000 -> new long[] {16384, 61440, 4096};
      case 16000 -> new long[] {32768, 122880, 8192};
      default -> null;
    };
  }

  /** Formats millicores as vCPUs: 250 → "0.25", 1000 → "1". */
  public static String vcpus(int cpuMillis) {
    return new java.math.BigDecimal(cpuMillis).movePointLeft(3).stripTrailingZeros().toPlainString();
  }

  /** Formats MiB as specs write memory: 512Mi, 2Gi. */
  static String mib(long memoryMiB) {
    return memoryMiB % 1024 == 0 ? (memoryMiB / 1024) + "Gi" : memoryMiB + "Mi";
  }

  /** Lists the valid CPU sizes for messages: "0.25, 0.5, 1, 2, 4, 8 or 16". */
  static String cpuList() {
    List<String> v = CPU_MILLIS.stream().map(TaskSizes::vcpus).toList();
    return String.join(", ", v.subList(0, v.size() - 1)) + " or " + v.get(v.size() - 1);
  }
}
