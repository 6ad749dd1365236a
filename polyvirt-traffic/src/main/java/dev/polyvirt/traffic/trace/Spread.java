package dev.polyvirt.traffic.trace;

import java.util.Locale;

/**
 * How the invocations a per-minute trace counts are placed inside their minute.
 *
 * <p>{@link #POISSON} puts them at independent uniform positions, which is a Poisson process
 * conditioned on the minute's count (Ross, <i>Stochastic Processes</i>, 2nd ed., 1996, Thm 2.3.1);
 * {@link #UNIFORM} spaces them evenly, deterministically, each in the middle of its equal share of
 * the minute.
 */
public enum Spread {
  UNIFORM,
  POISSON;

  /** Returns the name written in specs: "uniform" or "poisson". */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}
