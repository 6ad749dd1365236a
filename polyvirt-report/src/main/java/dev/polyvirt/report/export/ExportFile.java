package dev.polyvirt.report.export;

/** One file {@code polyvirt export} writes: its name within the output folder and its text. */
public record ExportFile(String name, String text) {}
