package dev.polyvirt.planner.traits;

/**
 * What a workload's own traffic looks like, measured on the requests every model sees: the
 * questions the vendors' decision guides ask (how idle, how bursty, how long, how far apart).
 *
 * @param scannedRequests requests the figures are measured on (the first ones, up to a cap)
 * @param idleFraction share of the scanned span with no request in flight
 * @param peakToMean the traffic's peak rate over its mean rate (1 for a steady stream)
 * @param gapP50Nanos median gap between consecutive arrivals
 * @param gapP90Nanos 90th percentile of the gaps
 * @param gapP99Nanos 99th percentile of the gaps
 * @param gapsOverKeepAlive share of gaps longer than FaaS's default keep-alive (each one a likely cold start)
 * @param durationP99Nanos the requests' 99th-percentile duration
 */
public record WorkloadTraits(long scannedRequests, double idleFraction, double peakToMean, long gapP50Nanos, long gapP90Nanos,
    long gapP99Nanos, double gapsOverKeepAlive, long durationP99Nanos) {}
