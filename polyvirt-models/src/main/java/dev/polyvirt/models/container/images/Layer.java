package dev.polyvirt.models.container.images;

/** An image layer: content-addressed ({@code digest}), so images built on the same base share it. */
public record Layer(String digest, long bytes) {}
