package dev.polyvirt.models.container.scheduling;

/** Where a pod was bound: its node and the GPUs it holds there (bit {@code g} = the node's GPU {@code g}). */
public record Placement(int node, long gpuMask, PodRequest pod) {}
