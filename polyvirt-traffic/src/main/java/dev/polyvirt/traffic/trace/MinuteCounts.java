package dev.polyvirt.traffic.trace;

import dev.polyvirt.engine.SimTime;

/**
 * One function's invocations per minute of a day, kept sparse (most functions are idle most
 * minutes): the minutes with invocations, in order, and their counts.
 */
record MinuteCounts(short[] minutes, int[] counts, long total) {
  static final long MINUTE = SimTime.NANOS_PER_MINUTE;

  /** Returns the sparse copy of the dense per-minute counts {@code perMinute}. */
  static MinuteCounts of(int[] perMinute) {
    int n = 0;
    for (int c : perMinute) if (c > 0) n++;
    short[] minutes = new short[n];
    int[] counts = new int[n];
    long total = 0;
    int k = 0;
    for (int m = 0; m < perMinute.length; m++) {
      if (perMinute[m] == 0) continue;
      minutes[k] = (short) m;
      counts[k++] = perMinute[m];
      total += perMinute[m];
    }
    return new MinuteCounts(minutes, counts, total);
  }

  /** Adds these counts into the dense per-minute totals {@code into}. */
  void addTo(long[] into) {
    for (int k = 0; k < minutes.length; k++) into[minutes[k]] += counts[k];
  }
}
