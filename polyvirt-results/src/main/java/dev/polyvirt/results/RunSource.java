package dev.polyvirt.results;

/**
 * Where a run came from, beyond what its plan holds.
 *
 * @param specFile the spec's file name as the user gave it (or the dashboard's name for pasted text)
 * @param specText the spec's text, hashed into the run id and stored with the run
 * @param polyvirtVersion the version of polyvirt that made the run
 */
public record RunSource(String specFile, String specText, String polyvirtVersion) {}
