package dev.polyvirt.spec;

import dev.polyvirt.spec.yaml.Mark;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects every problem of one validation pass, so a user sees them all at once. */
public final class Problems {
  private final List<Problem> list = new ArrayList<>();

  /** Records a problem. */
  public void add(Mark where, String message, String hint) {
    list.add(new Problem(where, message, hint));
  }

  /** Records problems found elsewhere (e.g. in a file the spec names). */
  public void addAll(List<Problem> more) {
    list.addAll(more);
  }

  /** Returns true when nothing was wrong. */
  public boolean isEmpty() {
    return list.isEmpty();
  }

  /** Returns the problems in file order. */
  public List<Problem> all() {
    List<Problem> sorted = new ArrayList<>(list);
    sorted.sort(Comparator.comparing((Problem p) -> p.where().file())
        .thenComparingInt(p -> p.where().line()).thenComparingInt(p -> p.where().column()));
    return sorted;
  }

  /** Throws a {@link SpecException} carrying every problem, if there is any. */
  public void throwIfAny() throws SpecException {
    if (!list.isEmpty()) throw new SpecException(all());
  }
}
