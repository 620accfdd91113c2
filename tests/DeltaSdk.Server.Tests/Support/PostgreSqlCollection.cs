namespace DeltaSdk.Server.Tests.Support;

/// <summary>The tests that share one throwaway PostgreSQL cluster per test run.</summary>
[CollectionDefinition(Name)]
public sealed class PostgreSqlCollection : ICollectionFixture<PostgreSqlCluster>
{
    public const string Name = "PostgreSQL";
}
