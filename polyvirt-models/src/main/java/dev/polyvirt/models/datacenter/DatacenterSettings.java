package dev.polyvirt.models.datacenter;

import dev.polyvirt.spec.Infrastructure;

/**
 * The {@code datacenter} model's settings for one workload: the spec's infrastructure, how many
 * VMs of which shape run the workload, and how they run its tasks.
 *
 * @param kind {@code service} (requests) or {@code job} (batch tasks); both become tasks whose
 *     length is the request duration at one vCPU's speed
 * @param boot each VM's provisioning boot time (tasks wait for it)
 * @param diskMiB data written on each VM's disk (what its first snapshot stores)
 */
public record DatacenterSettings(Infrastructure infrastructure, String kind, int vms, int vcpus, long vmMemoryMiB,
    TaskExecution execution, dev.polyvirt.engine.dist.Distribution boot, long diskMiB) {}
