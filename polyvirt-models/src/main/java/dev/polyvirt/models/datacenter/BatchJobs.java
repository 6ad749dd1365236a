package dev.polyvirt.models.datacenter;

/**
 * Batch tasks in arrival order: when each arrives, its length in million instructions (MI; a
 * length in CPU-seconds is seconds × the vCPU's MIPS) and the VM it is bound to.
 */
public record BatchJobs(long[] arrivalNanos, double[] lengthMi, int[] vm) {
  public BatchJobs {
    if (arrivalNanos.length != lengthMi.length || lengthMi.length != vm.length) {
      throw new IllegalArgumentException("arrivals, lengths and VMs must have one entry per task");
    }
    for (int i = 1; i < arrivalNanos.length; i++) {
      if (arrivalNanos[i] < arrivalNanos[i - 1]) throw new IllegalArgumentException("tasks must be in arrival order");
    }
    for (double l : lengthMi) if (!(l > 0)) throw new IllegalArgumentException("task lengths must be positive");
  }

  /** Returns the number of tasks. */
  public int size() {
    return arrivalNanos.length;
  }
}
