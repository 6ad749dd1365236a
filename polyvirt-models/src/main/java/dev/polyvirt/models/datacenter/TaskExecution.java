package dev.polyvirt.models.datacenter;

/**
 * How a VM runs the tasks given to it. Time-shared: every task runs at once, sharing the vCPUs
 * equally (processor sharing: n tasks on p vCPUs each get min(1, p/n) of a vCPU). Space-shared:
 * each task holds one vCPU to the end; the others wait in arrival order.
 */
public enum TaskExecution {
  TIME_SHARED("time-shared"),
  SPACE_SHARED("space-shared");

  private final String specName;

  TaskExecution(String specName) {
    this.specName = specName;
  }

  /** Returns the name specs use. */
  public String specName() {
    return specName;
  }
}
