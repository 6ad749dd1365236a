package dev.polyvirt.validation;

/**
 * The M/M/c queue in closed form (Erlang C; Kleinrock, <i>Queueing Systems</i> Vol. 1, 1975,
 * §3.5). The probability of waiting is computed from Erlang B by its stable recursion
 * B(0) = 1, B(k) = a·B(k−1) / (k + a·B(k−1)), then C = c·B / (c − a·(1 − B)), which never forms
 * a^c or c! and so stays accurate for any number of servers.
 */
final class ErlangC {
  private ErlangC() {}

  /** Returns Erlang B: the blocking probability of c servers offered {@code a} Erlangs. */
  static double erlangB(int c, double a) {
    double b = 1;
    for (int k = 1; k <= c; k++) b = a * b / (k + a * b);
    return b;
  }

  /** Returns Erlang C: the probability an arrival waits, c servers, offered load a = λ/μ (< c). */
  static double probabilityOfWaiting(int c, double a) {
    if (!(a > 0 && a < c)) throw new IllegalArgumentException("need 0 < a < c, got a=" + a + ", c=" + c);
    double b = erlangB(c, a);
    return c * b / (c - a * (1 - b));
  }

  /** Returns the mean wait in queue W_q = C(c, a) / (cμ − λ), in the unit of 1/μ and 1/λ. */
  static double meanWait(int c, double lambda, double mu) {
    return probabilityOfWaiting(c, lambda / mu) / (c * mu - lambda);
  }
}
