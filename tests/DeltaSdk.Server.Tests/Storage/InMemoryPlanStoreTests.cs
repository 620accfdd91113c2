using DeltaSdk.Server.Storage;

namespace DeltaSdk.Server.Tests.Storage;

public sealed class InMemoryPlanStoreTests : PlanStoreContractTests
{
    protected override Task<IPlanStore> CreateStoreAsync(PlanStoreSeed seed) => Task.FromResult<IPlanStore>(new InMemoryPlanStore(seed));
}
