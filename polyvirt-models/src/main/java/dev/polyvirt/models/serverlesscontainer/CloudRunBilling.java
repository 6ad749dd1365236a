package dev.polyvirt.models.serverlesscontainer;

import dev.polyvirt.pricing.CloudRunMeter;
import dev.polyvirt.pricing.CloudRunPrices;
import dev.polyvirt.pricing.Cost;
import java.util.Arrays;

/**
 * Bills instances as Cloud Run does (cloud.google.com/run/pricing), cut at the horizon.
 * Request-based: an instance is billable while it starts up and while it has at least one request
 * in service; each such stretch is rounded up to 100 ms, and each request pays the per-million
 * price. Instance-based: an instance is billable from creation to stop, rounded up to 100 ms, with
 * no request fee. Rounding and prices are {@link CloudRunMeter}'s.
 *
 * <p>Sources: cloud.google.com/run/pricing (rates, 100 ms) and cloud.google.com/run/docs/configuring/billing-settings
 * ("request-based: charged when they process requests, when they start, and when they shut down";
 * instances here stop at once, so there is no shutdown time to bill).
 *
 * <p>Not modelled: the reduced rate Cloud Run charges for idle minimum instances under
 * request-based billing (this book does not price it), so idle {@code minScale} instances cost
 * nothing here.
 */
final class CloudRunBilling implements ContainerBilling {
  private final CloudRunMeter meter;
  private final CloudRunPrices.Billing mode;
  private final long horizon;
  private long[] since = new long[8];
  private long[] idleFrom = new long[8];

  CloudRunBilling(CloudRunMeter meter, CloudRunPrices.Billing mode, long horizon) {
    this.meter = meter;
    this.mode = mode;
    this.horizon = horizon;
    Arrays.fill(since, -1);
    Arrays.fill(idleFrom, -1);
  }

  @Override
  public void started(int i, long now) {
    if (i >= since.length) {
      int old = since.length;
      since = Arrays.copyOf(since, Math.max(i + 1, old * 2));
      idleFrom = Arrays.copyOf(idleFrom, since.length);
      Arrays.fill(since, old, since.length, -1);
      Arrays.fill(idleFrom, old, since.length, -1);
    }
    since[i] = mode == CloudRunPrices.Billing.REQUEST ? now : -1;
    idleFrom[i] = -1;
  }

  @Override
  public void busy(int i, long now) {
    if (mode != CloudRunPrices.Billing.REQUEST) return;
    if (since[i] >= 0 && idleFrom[i] >= 0 && idleFrom[i] < now) {
      span(since[i], idleFrom[i]);
      since[i] = -1;
    }
    if (since[i] < 0) since[i] = now;
    idleFrom[i] = -1; // a request taken at the instant the last one left continues the same billable stretch
  }

  @Override
  public void idle(int i, long now) {
    if (mode == CloudRunPrices.Billing.REQUEST && since[i] >= 0) idleFrom[i] = now;
  }

  @Override
  public void stopped(int i, long start, long end) {
    if (mode == CloudRunPrices.Billing.INSTANCE) {
      span(start, end);
    } else if (since[i] >= 0) {
      span(since[i], idleFrom[i] >= 0 ? idleFrom[i] : end);
    }
    since[i] = -1;
    idleFrom[i] = -1;
  }

  private void span(long start, long end) {
    if (start < horizon) meter.span(start, Math.min(end, horizon));
  }

  @Override
  public long millicoreSeconds() {
    return meter.millicoreSeconds();
  }

  @Override
  public long mibSeconds() {
    return meter.mibSeconds();
  }

  @Override
  public Cost cost(long requests, boolean freeTier) {
    return meter.cost(requests, horizon, freeTier);
  }

  @Override
  public String instances() {
    return "Cloud Run instances (" + (mode == CloudRunPrices.Billing.REQUEST ? "request" : "instance") + "-based billing)";
  }
}
