using System.Reflection;

namespace DeltaSdk.Client.Tests;

/// <summary>
/// Rules of the public surface, checked by reflection over the whole client assembly: mockable, async with a
/// cancellation token last, and no Refit type in sight.
/// </summary>
public sealed class DeltaClientConventionTests
{
    private static readonly Assembly Client = typeof(DeltaClient).Assembly;

    public static TheoryData<string> Operations()
    {
        var data = new TheoryData<string>();
        // One case per name: the test checks every overload of it, and repeated cases would be dropped by xUnit.
        foreach (var name in PublicOperations().Select(static m => m.Name).Distinct(StringComparer.Ordinal))
        {
            data.Add(name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public void Every_operation_is_virtual_async_and_takes_an_optional_cancellation_token_last(string name)
    {
        foreach (var method in PublicOperations().Where(m => m.Name == name))
        {
            Assert.True(method.IsVirtual && !method.IsFinal, $"{name} is not overridable");
            var returns = method.ReturnType.IsGenericType ? method.ReturnType.GetGenericTypeDefinition() : method.ReturnType;
            Assert.Contains(returns, new[] { typeof(Task<>), typeof(IAsyncEnumerable<>) });
            Assert.EndsWith("Async", name, StringComparison.Ordinal);
            var last = method.GetParameters()[^1];
            Assert.Equal(typeof(CancellationToken), last.ParameterType);
            Assert.Equal("cancellationToken", last.Name);
            Assert.True(last.HasDefaultValue, $"{name}: the token is not optional");
        }
    }

    [Fact]
    public void The_client_can_be_derived_for_tests_but_not_built_half_configured()
    {
        var constructors = typeof(DeltaClient).GetConstructors(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic);

        Assert.Contains(constructors, c => c.IsFamily && c.GetParameters().Length == 0);
        // Public constructors exist for use without DI, and every one of them takes the options it checks.
        Assert.All(constructors.Where(static c => c.IsPublic), static c => Assert.Equal(typeof(DeltaClientOptions), c.GetParameters()[0].ParameterType));
        Assert.False(typeof(DeltaClient).IsSealed);
    }

    [Fact]
    public void No_public_signature_mentions_a_Refit_type()
    {
        var offenders = new List<string>();
        foreach (var type in Client.GetExportedTypes())
        {
            Check(type.BaseType, type.FullName!);
            foreach (var member in type.GetMembers(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            {
                switch (member)
                {
                    case MethodBase method when method.IsPublic || method.IsFamily || method.IsFamilyOrAssembly:
                        Check(method is MethodInfo info ? info.ReturnType : null, $"{type.Name}.{method.Name}");
                        foreach (var parameter in method.GetParameters())
                        {
                            Check(parameter.ParameterType, $"{type.Name}.{method.Name}({parameter.Name})");
                        }

                        break;
                    case PropertyInfo property when property.GetMethod is { } getter && (getter.IsPublic || getter.IsFamily):
                        Check(property.PropertyType, $"{type.Name}.{property.Name}");
                        break;
                }
            }
        }

        Assert.Empty(offenders);

        void Check(Type? type, string where)
        {
            if (type is null)
            {
                return;
            }

            if (type.Namespace?.StartsWith("Refit", StringComparison.Ordinal) == true)
            {
                offenders.Add($"{where}: {type.FullName}");
            }

            foreach (var argument in type.IsGenericType ? type.GetGenericArguments() : [])
            {
                Check(argument, where);
            }
        }
    }

    [Fact]
    public async Task A_derived_fake_stands_in_for_the_client()
    {
        DeltaClient client = new FakeDeltaClient();

        var task = await client.GetTaskAsync(PlanId.Parse("p"), TaskCode.Parse("T-1"));
        var listed = await client.ListTasksAsync(PlanId.Parse("p")).ToListAsync();

        Assert.Equal(new DeltaSdk.Api.ETag("v1"), task.ETag);
        Assert.Equal(TaskCode.Parse("T-1"), Assert.Single(listed).Task.Code);
    }

    private static IEnumerable<MethodInfo> PublicOperations()
        => typeof(DeltaClient).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly).Where(m => !m.IsSpecialName);

    /// <summary>The fake of docs/articles/api-client.md, kept compiling here.</summary>
    private sealed class FakeDeltaClient : DeltaClient
    {
        public override Task<Versioned<DeltaSdk.Api.TrackedTask>> GetTaskAsync(PlanId planId, TaskCode code, CancellationToken cancellationToken = default)
            => Task.FromResult(new Versioned<DeltaSdk.Api.TrackedTask>(DeltaModelFactory.TrackedTask(new KeyTask { Code = code, Title = LocalizedText.Create(null, "A task") }), new DeltaSdk.Api.ETag("v1")));

        public override IAsyncEnumerable<DeltaSdk.Api.TrackedTask> ListTasksAsync(PlanId planId, TaskQuery? query = null, CancellationToken cancellationToken = default)
            => new[] { DeltaModelFactory.TrackedTask(new KeyTask { Code = TaskCode.Parse("T-1"), Title = LocalizedText.Create(null, "A task") }) }.ToAsyncEnumerable();
    }
}
