using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.CompilerServices;
using DeltaSdk.Api;
using DeltaSdk.Server.Storage;

namespace DeltaSdk.Server.Tests;

/// <summary>Rules of the server assembly's public surface, enforced by reflection so that new types cannot drift.</summary>
public sealed class ConventionTests
{
    private static readonly Assembly Server = typeof(PlanServerHost).Assembly;

    [Fact]
    public void Public_async_methods_take_a_defaulted_cancellation_token_last()
    {
        var methods = Server.GetExportedTypes()
            .SelectMany(static t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(static m => typeof(Task).IsAssignableFrom(m.ReturnType) && m.Name.EndsWith("Async", StringComparison.Ordinal))
            .ToList();
        Assert.Contains(typeof(IPlanStore).GetMethod(nameof(IPlanStore.AppendProgressAsync)), methods);

        var offenders = methods
            .Where(static m => m.GetParameters() is not [.., { ParameterType: var last, HasDefaultValue: true }] || last != typeof(CancellationToken))
            .Select(static m => $"{m.DeclaringType!.Name}.{m.Name}")
            .ToList();
        Assert.Empty(offenders);
    }

    [Fact]
    public void The_server_assembly_ships_no_testing_aid()
    {
        // Fault injection and request recording live in test code (Support/Faults), added through PlanServerHost's configureApp hook.
        var testingTypes = Server.GetTypes()
            .Where(static t => t.Namespace?.Contains("Testing", StringComparison.Ordinal) == true || t.Name.Contains("Fault", StringComparison.Ordinal))
            .Select(static t => t.FullName)
            .ToList();
        Assert.Empty(testingTypes);
        Assert.Null(typeof(DeltaServerOptions).GetProperty("EnableFaultInjection"));
    }
}
