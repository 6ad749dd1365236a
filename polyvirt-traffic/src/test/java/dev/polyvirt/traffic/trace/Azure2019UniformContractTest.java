package dev.polyvirt.traffic.trace;

/** The trace-format contract for azure-functions-2019 with each minute's invocations evenly spaced. */
class Azure2019UniformContractTest extends Azure2019ContractTest {
  @Override
  Spread spread() {
    return Spread.UNIFORM;
  }
}
