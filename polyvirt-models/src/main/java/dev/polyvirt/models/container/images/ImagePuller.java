package dev.polyvirt.models.container.images;

import dev.polyvirt.engine.SimTime;

/**
 * Pull time of an image onto a node: missing bytes / registry bandwidth + a per-layer latency for
 * each missing layer (each layer is a separate blob request), plus one round trip for
 * {@code Always}'s digest check. Counts cold pulls (something downloaded) and cache hits.
 *
 * @param bytesPerSecond the registry's bandwidth to one node
 * @param layerLatencyNanos the fixed cost of fetching one layer (request, TLS, decompress start)
 */
public record ImagePuller(double bytesPerSecond, long layerLatencyNanos, PullPolicy policy, Counts counts) {
  /** Cold pulls and cache hits so far (mutable tallies). */
  public static final class Counts {
    long coldPulls;
    long cacheHits;
    long pulledBytes;
    long pullNanos;

    /** Returns pulls that downloaded something. */
    public long coldPulls() {
      return coldPulls;
    }

    /** Returns starts that found the whole image on the node. */
    public long cacheHits() {
      return cacheHits;
    }

    /** Returns the bytes downloaded. */
    public long pulledBytes() {
      return pulledBytes;
    }

    /** Returns the mean pull time of the cold pulls, in seconds. */
    public double meanColdPullSeconds() {
      return coldPulls == 0 ? 0 : SimTime.toSeconds(pullNanos) / coldPulls;
    }
  }

  /** Creates a puller with fresh counts. */
  public static ImagePuller of(double bytesPerSecond, long layerLatencyNanos, PullPolicy policy) {
    return new ImagePuller(bytesPerSecond, layerLatencyNanos, policy, new Counts());
  }

  /** Returns how long {@code image} takes to be ready on the node holding {@code cache}, or -1 if it can never start. */
  public long pull(LayerCache cache, Image image) {
    long missing = cache.missingBytes(image);
    int layers = cache.missingLayers(image);
    if (missing == 0 && layers == 0) {
      counts.cacheHits++;
      cache.use(image);
      return policy == PullPolicy.ALWAYS ? layerLatencyNanos : 0;
    }
    if (policy == PullPolicy.NEVER) return -1;
    long nanos = Math.round(missing / bytesPerSecond * SimTime.NANOS_PER_SECOND) + layers * layerLatencyNanos
        + (policy == PullPolicy.ALWAYS ? layerLatencyNanos : 0);
    counts.coldPulls++;
    counts.pulledBytes += missing;
    counts.pullNanos += nanos;
    cache.use(image);
    return nanos;
  }
}
