package dev.polyvirt.models.container.images;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The layers one node holds on disk, least recently used first, within a disk budget. Pulling an
 * image downloads only the layers the node lacks (layers are shared between images by digest)
 * and then evicts the least recently used layers of other images until the budget holds again —
 * the effect of the kubelet's image garbage collection, which frees disk by deleting the least
 * recently used images (Kubernetes docs, "Garbage collection — container image lifecycle"),
 * counted here per layer.
 */
public final class LayerCache {
  private final long budgetBytes;
  private final LinkedHashMap<String, Long> layers = new LinkedHashMap<>(16, 0.75f, true);
  private long usedBytes;

  /** Creates an empty cache of {@code budgetBytes}. */
  public LayerCache(long budgetBytes) {
    this.budgetBytes = budgetBytes;
  }

  /** Returns the bytes of {@code image} this node lacks. */
  public long missingBytes(Image image) {
    long b = 0;
    for (Layer l : image.layers()) if (!layers.containsKey(l.digest())) b += l.bytes();
    return b;
  }

  /** Returns how many of {@code image}'s layers this node lacks. */
  public int missingLayers(Image image) {
    int n = 0;
    for (Layer l : image.layers()) if (!layers.containsKey(l.digest())) n++;
    return n;
  }

  /** Records that {@code image} is now on the node (pulled or used), evicting others past the budget. */
  public void use(Image image) {
    for (Layer l : image.layers()) {
      if (layers.get(l.digest()) == null) {
        layers.put(l.digest(), l.bytes());
        usedBytes += l.bytes();
      }
    }
    Iterator<Map.Entry<String, Long>> it = layers.entrySet().iterator();
    while (usedBytes > budgetBytes && it.hasNext()) {
      Map.Entry<String, Long> e = it.next();
      if (image.layers().stream().anyMatch(l -> l.digest().equals(e.getKey()))) continue; // in use now
      usedBytes -= e.getValue();
      it.remove();
    }
  }

  /** Returns the bytes on disk. */
  public long usedBytes() {
    return usedBytes;
  }

  /** Returns true when the node holds layer {@code digest}. */
  public boolean holds(String digest) {
    return layers.containsKey(digest);
  }
}
