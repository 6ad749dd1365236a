package dev.polyvirt.models.datacenter;

/** A VM placement policy: builds the index its choice needs. Registered by name in {@link PlacementPolicies}. */
public interface PlacementPolicy {
  /** Returns the name specs use. */
  String name();

  /** Creates an index over hosts whose free capacities are given (arrays are copied). */
  HostIndex index(long[] freeCpu, long[] freeMemory);
}
