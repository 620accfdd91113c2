using DeltaSdk.Server.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DeltaSdk.Server.Tests;

public sealed class DeltaServerOptionsValidatorTests
{
    [Fact]
    public void Defaults_are_valid()
        => Assert.True(new DeltaServerOptionsValidator().Validate(null, new DeltaServerOptions()).Succeeded);

    [Theory]
    [InlineData(nameof(DeltaServerOptions.MaxPageSize), "MaxPageSize")]
    [InlineData(nameof(DeltaServerOptions.DefaultPageSize), "DefaultPageSize")]
    [InlineData(nameof(DeltaServerOptions.MaxRequestBodySize), "MaxRequestBodySize")]
    [InlineData(nameof(DeltaServerOptions.IdempotencyKeyLifetime), "IdempotencyKeyLifetime")]
    [InlineData(nameof(DeltaServerOptions.ApiKeys), "same key twice")]
    public void Each_bad_setting_is_named(string setting, string expected)
    {
        var options = new DeltaServerOptions();
        switch (setting)
        {
            case nameof(DeltaServerOptions.MaxPageSize): options.MaxPageSize = 201; options.DefaultPageSize = 10; break;
            case nameof(DeltaServerOptions.DefaultPageSize): options.DefaultPageSize = 0; break;
            case nameof(DeltaServerOptions.MaxRequestBodySize): options.MaxRequestBodySize = 0; break;
            case nameof(DeltaServerOptions.IdempotencyKeyLifetime): options.IdempotencyKeyLifetime = TimeSpan.Zero; break;
            default:
                options.ApiKeys.Add(new ApiKeyOptions { Key = "synthetic-key-0123456789" });
                options.ApiKeys.Add(new ApiKeyOptions { Key = "synthetic-key-0123456789", CanWrite = true });
                break;
        }

        var result = new DeltaServerOptionsValidator().Validate(null, options);
        Assert.True(result.Failed);
        var failure = Assert.Single(result.Failures!);
        Assert.Contains(expected, failure, StringComparison.Ordinal);
        Assert.DoesNotContain("synthetic-key", failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_default_page_size_above_the_maximum_stops_the_host()
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(() => PlanServerHost.StartAsync(
            new InMemoryPlanStore(PlanStoreSeed.Empty),
            static o => { o.MaxPageSize = 20; o.DefaultPageSize = 50; }));
        Assert.Contains("DefaultPageSize", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_bind_from_the_DeltaServer_section()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["DeltaServer:ApiKeys:0:Key"] = "synthetic-key-0123456789",
            ["DeltaServer:ApiKeys:0:CanWrite"] = "true",
            ["DeltaServer:ApiKeys:1:Key"] = "synthetic-key-9876543210",
            ["DeltaServer:MaxPageSize"] = "100",
            ["DeltaServer:IdempotencyKeyLifetime"] = "02:00:00",
        }).Build();
        using var services = new ServiceCollection().AddLogging().AddDeltaPlanServer(configuration.GetSection(DeltaServerOptions.SectionName)).BuildServiceProvider();

        var options = services.GetRequiredService<IOptions<DeltaServerOptions>>().Value;

        Assert.Equal(2, options.ApiKeys.Count);
        Assert.True(options.ApiKeys[0].CanWrite);
        Assert.False(options.ApiKeys[1].CanWrite);
        Assert.Equal(100, options.MaxPageSize);
        Assert.Equal(TimeSpan.FromHours(2), options.IdempotencyKeyLifetime);
    }
}
