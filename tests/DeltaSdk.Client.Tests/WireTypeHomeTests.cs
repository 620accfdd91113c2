using DeltaSdk.Api;
using DeltaSdk.Server;

namespace DeltaSdk.Client.Tests;

/// <summary>One home for each wire type: the core defines them, and neither the client nor the server repeats one.</summary>
public sealed class WireTypeHomeTests
{
    [Fact]
    public void Neither_client_nor_server_exports_a_type_named_like_a_core_wire_type()
    {
        var wireNames = typeof(ApiJson).Assembly.GetExportedTypes()
            .Where(static t => t.Namespace == "DeltaSdk.Api")
            .Select(static t => t.Name)
            .ToHashSet(StringComparer.Ordinal);
        Assert.Contains("Page`1", wireNames);

        var repeated = typeof(DeltaClient).Assembly.GetTypes()
            .Concat(typeof(PlanServerHost).Assembly.GetTypes())
            .Where(t => wireNames.Contains(t.Name))
            .Select(static t => t.FullName)
            .ToList();
        Assert.Empty(repeated);
    }
}
