package dev.polyvirt.models.datacenter;

import dev.polyvirt.spec.Infrastructure;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Builds the hosts an {@link Infrastructure} describes, zone by zone, in spec order. */
final class Hosts {
  private Hosts() {}

  /** Returns the host models, one per host, numbered in zone order. */
  static List<HostModel> of(Infrastructure infra) {
    Map<String, HostModel> models = infra.hostModels().stream().collect(Collectors.toMap(Infrastructure.HostModelSpec::name,
        m -> new HostModel(m.name(), m.cores(), m.mipsPerCore(), m.memoryMiB(), m.bandwidthMbps(),
            new PowerCurve(m.name(), m.powerWatts().stream().mapToDouble(Double::doubleValue).toArray())), (a, b) -> a,
        java.util.LinkedHashMap::new));
    List<HostModel> hosts = new ArrayList<>();
    for (Infrastructure.ZoneSpec z : infra.zones()) for (int i = 0; i < z.count(); i++) hosts.add(models.get(z.hostModel()));
    return hosts;
  }

  /** Returns the zone of each host, as "datacenter/zone". */
  static List<String> zones(Infrastructure infra) {
    List<String> out = new ArrayList<>();
    for (Infrastructure.ZoneSpec z : infra.zones()) for (int i = 0; i < z.count(); i++) out.add(z.datacenter() + "/" + z.zone());
    return out;
  }

  /** Builds the empty cluster with the infrastructure's overcommit and placement policy. */
  static Cluster cluster(Infrastructure infra) {
    return new Cluster(of(infra), infra.cpuOvercommit(), infra.memoryOvercommit(), PlacementPolicies.require(infra.placement()));
  }

  /** Returns the slowest core's MIPS: a vCPU runs at that speed wherever it lands. */
  static double slowestCoreMips(Cluster c) {
    double min = Double.MAX_VALUE;
    for (int h = 0; h < c.hosts(); h++) min = Math.min(min, c.model(h).mipsPerCore());
    return min;
  }

}
