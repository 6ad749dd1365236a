/**
 * Trace replay: recorded invocations as workload traffic ({@code traffic: {trace: {...}}}).
 *
 * <p>Formats are registered in {@link dev.polyvirt.traffic.trace.TraceFormats}, one class each:
 * {@code azure-functions-2019} (per-minute counts per function, spread inside each minute, joined
 * with duration and memory percentiles), {@code azure-functions-2021} (one row per invocation, end
 * time and duration) and {@code csv} (a generic request log). Every reader streams — the current
 * line, per-function state and the requests whose start order is not yet settled — and reads
 * gzip, detected by its magic bytes. Problems name file:line:column with a hint.
 * {@link dev.polyvirt.traffic.trace.TraceStats} characterises a trace for {@code polyvirt trace stats}.
 */
package dev.polyvirt.traffic.trace;
