package dev.polyvirt.traffic.trace;

import java.util.ArrayList;
import java.util.List;

/**
 * The ids a trace holds, remembered in constant space for the message when a wanted id is not
 * among them: the few sharing the longest prefix with it, and the first few of the file.
 */
final class Suggestions {
  private static final int KEEP = 3;
  private final String wanted;
  private final List<String> first = new ArrayList<>();
  private final List<String> closest = new ArrayList<>();
  private final java.util.Set<String> counted = new java.util.HashSet<>();
  private int closestPrefix;

  Suggestions(String wanted) {
    this.wanted = wanted;
  }

  /** Notes one id of the trace (ids seen again are ignored). */
  void see(String id) {
    if (!counted.add(id)) return;
    if (first.size() < KEEP) first.add(id);
    int p = commonPrefix(id);
    if (p == 0) return;
    if (p > closestPrefix) {
      closestPrefix = p;
      closest.clear();
    }
    if (p == closestPrefix && closest.size() < KEEP) closest.add(id);
  }

  /** Returns how many distinct ids were seen. */
  int count() {
    return counted.size();
  }

  /** Returns a hint naming the closest ids, or the first ones when none shares a prefix. */
  String hint() {
    if (!closest.isEmpty()) return "ids starting like '" + wanted.substring(0, closestPrefix) + "': " + String.join(", ", closest);
    return first.isEmpty() ? "the trace holds no ids" : "ids in the file include: " + String.join(", ", first);
  }

  private int commonPrefix(String id) {
    int n = Math.min(id.length(), wanted.length());
    int i = 0;
    while (i < n && id.charAt(i) == wanted.charAt(i)) i++;
    return i;
  }
}
