package dev.polyvirt.models;

import dev.polyvirt.engine.random.RandomStreams;
import dev.polyvirt.pricing.PriceBook;
import dev.polyvirt.spec.Workload;
import dev.polyvirt.traffic.Traffic;

/**
 * Everything one simulation of one workload needs besides the model's own settings.
 *
 * @param streams the workload's random stream family: every model draws arrivals and durations
 *     from it through {@link RequestDriver#start}; model-specific draws use {@code streams.child(model)}
 * @param containerWorkloads how many workloads of the portfolio may share one Kubernetes cluster
 *     (its control-plane fee is split between them)
 */
public record RunContext(Workload workload, Traffic traffic, long horizonNanos, PriceBook priceBook,
    RandomStreams streams, int containerWorkloads) {}
