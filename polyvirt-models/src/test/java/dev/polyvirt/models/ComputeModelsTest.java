package dev.polyvirt.models;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ComputeModelsTest {

  @Test
  void registryListsTheEightSpecModelsInOrder() {
    // The registry names exactly the models SPEC.md §2 lists under candidates, in that (display) order.
    assertThat(ComputeModels.names())
        .containsExactly("vm", "container", "faas", "serverless-container", "microvm", "wasm", "unikernel", "edge",
            "datacenter"); // datacenter: the private-datacenter extension (issue #7), after the SPEC.md eight
  }

  @Test
  void everyNameResolvesToTheModelOfThatName() {
    // get(name) returns the model whose name() is that name, for every registered name.
    for (String name : ComputeModels.names()) {
      assertThat(ComputeModels.get(name)).as(name).hasValueSatisfying(m -> assertThat(m.name()).isEqualTo(name));
    }
  }

  @Test
  void unknownNameIsEmpty() {
    // An unknown model name resolves to nothing rather than to a default model or an exception.
    assertThat(ComputeModels.get("mainframe")).isEmpty();
    assertThat(ComputeModels.get("FAAS")).isEmpty();
    assertThat(ComputeModels.get("")).isEmpty();
  }
}
