namespace DeltaSdk.Server;

/// <summary>Where the Plan API keeps its data (<see cref="PlanStorageOptions.Provider"/>).</summary>
public enum PlanStoreProvider
{
    /// <summary>One SQLite file (<see cref="Storage.SqlitePlanStore"/>): nothing to install, one instance.</summary>
    Sqlite,

    /// <summary>A PostgreSQL database (<see cref="Storage.PostgreSqlPlanStore"/>): several instances, the database's backups and replication.</summary>
    PostgreSql,

    /// <summary>Memory only (<see cref="Storage.InMemoryPlanStore"/>): for tests and demonstrations; gone when the process ends.</summary>
    InMemory,
}
