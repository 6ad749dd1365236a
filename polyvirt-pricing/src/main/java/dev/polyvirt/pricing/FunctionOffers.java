package dev.polyvirt.pricing;

import dev.polyvirt.spec.Fields;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The FaaS offers a price book may price, by the name of their section. A book prices at most
 * one; the {@code faas} model bills with it. To add a provider's offer, write its prices record
 * (a {@link FunctionOffer} with a {@code read(Fields)} reader) and its {@link FunctionMeter}, and
 * add one line here.
 */
public final class FunctionOffers {
  /** Section name to reader, one line per offer. */
  private static final Map<String, Function<Fields, FunctionOffer>> READERS = new LinkedHashMap<>();

  static {
    READERS.put("lambda", LambdaPricesReader::read);
    READERS.put("azureFunctions", AzureFunctionsPrices::read);
    READERS.put("cloudRunFunctions", CloudRunFunctionsPrices::read);
  }

  private FunctionOffers() {}

  /** Returns the section names of the known offers. */
  public static List<String> sections() {
    return List.copyOf(READERS.keySet());
  }

  /** Reads the one offer section of {@code book}, if any; two or more is a problem. */
  static Optional<FunctionOffer> read(Fields book) {
    List<String> present = READERS.keySet().stream().filter(book::has).toList();
    if (present.size() > 1) {
      book.problems().add(book.keyMark(present.get(1)), "a price book prices one FaaS offer, found " + String.join(" and ", present),
          "keep one section; put each provider's offer in its own book");
      return Optional.empty();
    }
    if (present.isEmpty()) return Optional.empty();
    String key = present.get(0);
    return PriceFields.section(book, key, key, "give the " + key + " prices").map(READERS.get(key));
  }
}
