namespace DeltaSdk.Server;

/// <summary>
/// Which store the server uses, bound from <c>DeltaServer:Storage</c>; the PostgreSQL connection string comes from the
/// usual <c>ConnectionStrings</c> section. Used by <c>AddDeltaPlanStore</c>.
/// </summary>
public sealed class PlanStorageOptions
{
    /// <summary>Gets or sets the store. Default: <see cref="PlanStoreProvider.Sqlite"/>.</summary>
    public PlanStoreProvider Provider { get; set; } = PlanStoreProvider.Sqlite;

    /// <summary>
    /// Gets or sets the name of the connection string (under <c>ConnectionStrings</c>) of the PostgreSQL database.
    /// Default: <c>DeltaPlan</c>, so <c>ConnectionStrings:DeltaPlan</c> (environment: <c>ConnectionStrings__DeltaPlan</c>).
    /// </summary>
    public string ConnectionStringName { get; set; } = "DeltaPlan";

    /// <summary>Gets or sets the SQLite file, relative to the working folder unless rooted. Default: <c>data/delta-plan.db</c>.</summary>
    public string SqlitePath { get; set; } = Path.Combine("data", "delta-plan.db");
}
