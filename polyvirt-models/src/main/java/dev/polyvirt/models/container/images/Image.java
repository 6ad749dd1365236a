package dev.polyvirt.models.container.images;

import java.util.List;

/** A container image: its layers, bottom first. */
public record Image(String name, List<Layer> layers) {
  public Image {
    layers = List.copyOf(layers);
  }

  /** Returns the image's size: the sum of its layers. */
  public long bytes() {
    long b = 0;
    for (Layer l : layers) b += l.bytes();
    return b;
  }
}
