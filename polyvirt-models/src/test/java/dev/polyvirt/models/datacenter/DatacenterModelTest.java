package dev.polyvirt.models.datacenter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.polyvirt.spec.PortfolioLoader;
import org.junit.jupiter.api.Test;

/** The spec's list of placement names is the registry's (the spec module sits below the registry). */
class DatacenterModelTest {
  @Test
  void theSpecKnowsExactlyTheRegisteredPlacementPolicies() {
    assertThat(PortfolioLoader.PLACEMENTS).containsExactlyElementsOf(DatacenterModel.placementNames());
  }
}
