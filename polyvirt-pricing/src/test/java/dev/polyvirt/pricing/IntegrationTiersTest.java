package dev.polyvirt.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.polyvirt.spec.SpecException;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * API Gateway request tiers and the ALB's LCU dimensions in the {@code integration:} section,
 * against closed forms of the us-east-1 list prices (AWS whitepaper "Best Practices for Designing
 * Amazon API Gateway Private APIs and Private Integration", Cost optimization, Table 4, checked
 * 2026-11-22): HTTP APIs $1.00/M for the first 300 M a month, $0.90/M above; REST APIs $3.50/M for
 * the first 333 M, $2.80/M for the next 667 M, $2.38/M for the next 19 B, $1.51/M above 20 B.
 */
class IntegrationTiersTest {
  private static PriceBook aws() {
    try {
      return PriceBooks.load("aws-us-east-1", Path.of("."));
    } catch (SpecException e) {
      throw new AssertionError(e.getMessage(), e);
    }
  }

  private static String awsText() throws IOException {
    try (InputStream in = PriceBooks.class.getResourceAsStream("aws-us-east-1.yaml")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void theGatewayTiersPriceABillionRequestsBandByBand() {
    IntegrationPrices p = aws().integration().orElseThrow();
    // 1 B HTTP requests: 300 M × $1.00 + 700 M × $0.90 = $930
    assertThat(p.apiGatewayHttpTiers().price(BigDecimal.valueOf(1_000))).isEqualByComparingTo("930");
    // 1 B REST requests: 333 × 3.50 + 667 × 2.80 = 1,165.50 + 1,867.60 = $3,033.10
    assertThat(p.apiGatewayRestTiers().price(BigDecimal.valueOf(1_000))).isEqualByComparingTo("3033.10");
    // 21 B REST requests: + 19,000 × 2.38 + 1,000 × 1.51 = $49,763.10
    assertThat(p.apiGatewayRestTiers().price(BigDecimal.valueOf(21_000))).isEqualByComparingTo("49763.10");
    // inside the first band nothing changes: 10 M = $10.00 / $35.00
    assertThat(p.apiGatewayHttpTiers().price(BigDecimal.TEN)).isEqualByComparingTo("10.00");
    assertThat(p.apiGatewayRestTiers().price(BigDecimal.TEN)).isEqualByComparingTo("35.00");
    // the LCU dimensions (aws.amazon.com/elasticloadbalancing/pricing): 1 GB/h and 3,000 active connections
    assertThat(p.albProcessedGbPerLcu()).isEqualByComparingTo("1");
    assertThat(p.albActiveConnectionsPerLcu()).isEqualByComparingTo("3000");
  }

  @Test
  void theEgressTiersShareTheSameArithmetic() {
    DataTransferPrices d = aws().dataTransfer().orElseThrow();
    for (double gb : new double[] {50, 100, 5_000, 10_240, 60_000, 200_000}) {
      BigDecimal v = BigDecimal.valueOf(gb);
      assertThat(d.internetPerMonth(v)).as("%s GB", gb).isEqualByComparingTo(d.egressTiers().price(v));
    }
    // 200,000 GB: 0 + 10,140 × 0.09 + 40,960 × 0.085 + 102,400 × 0.07 + 46,400 × 0.05 = 912.60 + 3,481.60 + 7,168 + 2,320
    assertThat(d.internetPerMonth(BigDecimal.valueOf(200_000))).isEqualByComparingTo("13882.20");
  }

  @Test
  void aBookWithOnlyTheFirstTierPricesEveryRequestFlat() throws Exception {
    String text = awsText();
    int from = text.indexOf("  apiGatewayHttpTiers:");
    int to = text.indexOf("  albProcessedGbPerLcu:");
    PriceBook old = PriceBookReader.read("old.yaml", text.substring(0, from) + text.substring(to).replaceFirst("(?m)^  albProcessedGbPerLcu:.*\\n", "")
        .replaceFirst("(?m)^  albActiveConnectionsPerLcu:.*\\n", ""));
    IntegrationPrices p = old.integration().orElseThrow();
    assertThat(p.apiGatewayHttpTiers().price(BigDecimal.valueOf(1_000))).isEqualByComparingTo("1000");
    assertThat(p.apiGatewayRestTiers().bands()).hasSize(1);
    assertThat(p.albProcessedGbPerLcu().signum()).isZero();
    assertThat(p).isEqualTo(new IntegrationPrices(p.apiGatewayHttpPerMillion(), p.apiGatewayRestPerMillion(), p.albPerHour(),
        p.albPerLcuHour(), p.albNewConnectionsPerLcu(), p.eventBusPerMillionEvents()));
  }

  @Test
  void aFirstTierThatDisagreesWithTheFlatPriceIsReportedAtItsLine() throws Exception {
    String text = awsText().replace("- {upToMillion: 300, perMillion: 1.00}", "- {upToMillion: 300, perMillion: 1.10}")
        .replace("- {perMillion: 1.51}", "- {upToMillion: 30_000, perMillion: 1.51}");
    SpecException e = catchThrowableOfType(SpecException.class, () -> PriceBookReader.read("bad.yaml", text));
    int tiersLine = lineOf(text, "  apiGatewayHttpTiers:") + 1;
    assertThat(e.problems()).anySatisfy(pr -> {
      assertThat(pr.message()).contains("first tier of 'apiGatewayHttpTiers' costs 1.10 but 'apiGatewayHttpPerMillion' is 1.00");
      assertThat(pr.where().line()).isEqualTo(tiersLine);
    });
    assertThat(e.problems()).anySatisfy(pr -> assertThat(pr.message()).contains("the last tier must have no upToMillion"));
  }

  private static int lineOf(String text, String s) {
    List<String> lines = text.lines().toList();
    for (int i = 0; i < lines.size(); i++) if (lines.get(i).startsWith(s)) return i + 1;
    throw new AssertionError(s);
  }
}
