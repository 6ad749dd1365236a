package dev.polyvirt.models;

import dev.polyvirt.models.container.ContainerModel;
import dev.polyvirt.models.faas.FaasModel;
import dev.polyvirt.models.vm.VmModel;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The registry of compute models, in the order results are shown. Adding a model is one class
 * and one line here.
 */
public final class ComputeModels {
  private static final Map<String, ComputeModel<?>> MODELS = new LinkedHashMap<>();

  static {
    register(new VmModel());
    register(new ContainerModel());
    register(new FaasModel());
    register(new dev.polyvirt.models.serverlesscontainer.ServerlessContainerModel());
    register(new dev.polyvirt.models.microvm.MicroVmModel());
    register(new NotModelled("wasm"));
    register(new NotModelled("unikernel"));
    register(new NotModelled("edge"));
    register(new dev.polyvirt.models.datacenter.DatacenterModel());
  }

  private ComputeModels() {}

  private static void register(ComputeModel<?> model) {
    MODELS.put(model.name(), model);
  }

  /** Returns every model name, in display order. */
  public static List<String> names() {
    return List.copyOf(MODELS.keySet());
  }

  /** Returns the model called {@code name}. */
  public static Optional<ComputeModel<?>> get(String name) {
    return Optional.ofNullable(MODELS.get(name));
  }
}
