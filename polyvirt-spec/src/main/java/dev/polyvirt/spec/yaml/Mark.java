package dev.polyvirt.spec.yaml;

/** Where a value stands in its file: 1-based line and column. */
public record Mark(String file, int line, int column) {
  /** A mark for problems that belong to a whole file or to no file. */
  public static Mark file(String file) {
    return new Mark(file, 0, 0);
  }

  @Override
  public String toString() {
    return line <= 0 ? file : file + ":" + line + ":" + column;
  }
}
