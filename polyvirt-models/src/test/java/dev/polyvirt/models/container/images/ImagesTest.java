package dev.polyvirt.models.container.images;

import static org.assertj.core.api.Assertions.assertThat;

import dev.polyvirt.engine.SimTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImagesTest {
  private static final long MIB = 1 << 20, MS = SimTime.NANOS_PER_MILLI;
  private static final Layer BASE = new Layer("sha256:base", 80 * MIB);
  private static final Image API = new Image("api", List.of(BASE, new Layer("sha256:api", 20 * MIB)));
  private static final Image WORKER = new Image("worker", List.of(BASE, new Layer("sha256:worker", 40 * MIB)));

  @Test
  void pullTimeIsMissingBytesOverBandwidthPlusPerLayerLatency() {
    LayerCache node = new LayerCache(1024 * MIB);
    ImagePuller p = ImagePuller.of(100 * MIB, 50 * MS, PullPolicy.IF_NOT_PRESENT);
    assertThat(p.pull(node, API)).isEqualTo(1000 * MS + 2 * 50 * MS); // 100 MiB at 100 MiB/s + 2 layers
    assertThat(p.pull(node, API)).isZero(); // cached
    assertThat(p.pull(node, WORKER)).isEqualTo(400 * MS + 50 * MS); // the base layer is shared
    assertThat(p.counts().coldPulls()).isEqualTo(2);
    assertThat(p.counts().cacheHits()).isEqualTo(1);
    assertThat(p.counts().pulledBytes()).isEqualTo(140 * MIB);
  }

  @Test
  void alwaysChecksTheDigestAndNeverDoesNotPull() {
    LayerCache node = new LayerCache(1024 * MIB);
    assertThat(ImagePuller.of(100 * MIB, 50 * MS, PullPolicy.NEVER).pull(node, API)).isEqualTo(-1);
    ImagePuller always = ImagePuller.of(100 * MIB, 50 * MS, PullPolicy.ALWAYS);
    assertThat(always.pull(node, API)).isEqualTo(1000 * MS + 3 * 50 * MS);
    assertThat(always.pull(node, API)).isEqualTo(50 * MS);
  }

  @Test
  void theLeastRecentlyUsedLayersGoWhenTheDiskBudgetIsExceeded() {
    LayerCache node = new LayerCache(150 * MIB);
    node.use(API); // 100 MiB
    node.use(WORKER); // + 40 MiB = 140
    node.use(new Image("batch", List.of(new Layer("sha256:batch", 30 * MIB)))); // 170 > 150: the api layer (LRU) goes
    assertThat(node.holds("sha256:api")).isFalse();
    assertThat(node.holds("sha256:base")).isTrue();
    assertThat(node.usedBytes()).isEqualTo(150 * MIB);
  }
}
