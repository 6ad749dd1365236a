package dev.polyvirt.engine.random;

import java.nio.charset.StandardCharsets;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Independent random streams derived from one seed and stable names.
 *
 * <p>A stream's seed depends only on the spec seed and the stream's path of names (for example
 * {@code ["workload:api", "model:faas", "arrivals"]}), never on how many other streams exist or
 * in which order they were created. Adding a workload therefore never changes another's numbers,
 * and results do not depend on the thread count. Names are hashed with 64-bit FNV-1a and mixed
 * with SplitMix64 (Steele et al., OOPSLA 2014) into the 4-word state of XoShiRo256++
 * (Blackman &amp; Vigna, 2021), the generator Commons RNG recommends for simulation.
 */
public final class RandomStreams {
  private final long seed;
  private final String path;

  private RandomStreams(long seed, String path) {
    this.seed = seed;
    this.path = path;
  }

  /** Returns the root of the stream tree for a spec seed. */
  public static RandomStreams root(long seed) {
    return new RandomStreams(seed, "");
  }

  /** Returns the child stream family named {@code name}. */
  public RandomStreams child(String name) {
    return new RandomStreams(seed, path + "/" + name);
  }

  /** Returns this family's path of names, for diagnostics. */
  public String path() {
    return path;
  }

  /** Returns a fresh generator for the stream named {@code name} under this family. */
  public UniformRandomProvider stream(String name) {
    long h = fnv1a(path + "/" + name);
    long s = seed ^ 0x9E3779B97F4A7C15L * (h | 1);
    long[] state = new long[4];
    for (int i = 0; i < 4; i++) {
      s += 0x9E3779B97F4A7C15L;
      state[i] = splitMix(s ^ h);
    }
    return RandomSource.XO_SHI_RO_256_PP.create(state);
  }

  static long fnv1a(String text) {
    long h = 0xcbf29ce484222325L;
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      h ^= (b & 0xff);
      h *= 0x100000001b3L;
    }
    return h;
  }

  static long splitMix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
