package dev.polyvirt.models.container;

import dev.polyvirt.engine.dist.Distribution;
import dev.polyvirt.models.container.images.Image;
import dev.polyvirt.models.container.images.Layer;
import dev.polyvirt.models.container.images.PullPolicy;
import dev.polyvirt.spec.DistributionSpec;
import dev.polyvirt.spec.Fields;
import dev.polyvirt.spec.Problems;
import dev.polyvirt.spec.Units;
import dev.polyvirt.spec.yaml.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A pod's image and how it reaches a node ({@code models.container.image}). With it, a pod's start
 * is pull + runtime start + app init instead of the default 1–5 s.
 *
 * <p>{@code pullBandwidth} (bytes per second from the registry to one node) and
 * {@code layerLatency} have no published default in {@code figures.md}, so they must be given.
 * {@code diskBudget} defaults to 20 GiB, the root volume of an EKS managed node group (AWS EKS
 * docs, {@code diskSize}); {@code imagePullPolicy} to {@code IfNotPresent} (the Kubernetes default
 * for a tagged image); {@code appInit} to 0.
 */
public record ImageSettings(Image image, double bytesPerSecond, long layerLatencyNanos, PullPolicy policy,
    long diskBudgetBytes, Distribution appInit) {
  static final long DEFAULT_DISK = 20L << 30;

  static Optional<ImageSettings> bind(Node node, Problems problems) {
    return Fields.of(node, problems, "image").flatMap(f -> {
      List<Layer> layers = new ArrayList<>();
      f.node("layers").ifPresent(n -> {
        if (n instanceof Node.ListNode l) {
          for (Node item : l.items()) {
            Fields.of(item, problems, "image layer").ifPresent(lf -> {
              Optional<String> digest = lf.string("digest");
              Optional<Long> size = lf.parsed("size", Units::memoryBytes);
              if (digest.isEmpty() || size.isEmpty()) {
                problems.add(lf.mark(), "an image layer needs 'digest' and 'size'", "e.g. {digest: node-18-base, size: 180Mi}");
              } else {
                layers.add(new Layer(digest.get(), size.get()));
              }
              lf.done();
            });
          }
        } else {
          problems.add(n.mark(), "'layers' must be a list", "e.g. layers: [{digest: base, size: 80Mi}, {digest: app, size: 20Mi}]");
        }
      });
      f.parsed("size", Units::memoryBytes).ifPresent(b -> layers.add(new Layer("image", b)));
      if (layers.isEmpty() && !f.has("layers")) problems.add(f.mark(), "image needs 'layers' or 'size'", "e.g. image: {size: 300Mi, ...}");
      Optional<Long> bandwidth = f.parsed("pullBandwidth", Units::memoryBytes);
      if (!f.has("pullBandwidth")) problems.add(f.mark(), "image needs 'pullBandwidth'", "bytes per second from the registry to a node, e.g. pullBandwidth: 50Mi");
      java.util.OptionalLong latency = f.duration("layerLatency");
      if (!f.has("layerLatency")) problems.add(f.mark(), "image needs 'layerLatency'", "the fixed cost of fetching one layer, e.g. layerLatency: 200ms");
      PullPolicy policy = f.oneOf("imagePullPolicy", PullPolicy.names()).map(PullPolicy::of).orElse(PullPolicy.IF_NOT_PRESENT);
      long disk = f.parsed("diskBudget", Units::memoryBytes).orElse(DEFAULT_DISK);
      Distribution init = f.node("appInit").flatMap(p -> DistributionSpec.bind(p, "appInit", problems))
          .orElse(new dev.polyvirt.engine.dist.Fixed(0));
      f.done();
      if (layers.isEmpty() || bandwidth.isEmpty() || latency.isEmpty()) return Optional.empty();
      return Optional.of(new ImageSettings(new Image("image", layers), bandwidth.get(), latency.getAsLong(), policy, disk, init));
    });
  }
}
