namespace DeltaSdk.Server.Storage;

/// <summary>Where the SQL of <see cref="SqlQueries"/> differs between SQLite and PostgreSQL.</summary>
internal sealed class SqlDialect
{
    /// <summary>SQLite: a write transaction (<c>BEGIN IMMEDIATE</c>) holds the whole file, so rows need no lock of their own.</summary>
    public static readonly SqlDialect Sqlite = new("instr", string.Empty);

    /// <summary>PostgreSQL: a writer locks the task's row, so that a concurrent writer on any instance waits for its commit.</summary>
    public static readonly SqlDialect PostgreSql = new("strpos", " FOR UPDATE");

    private readonly string _position;

    private SqlDialect(string position, string lockRow)
    {
        _position = position;
        LockRow = lockRow;
    }

    /// <summary>Gets what a <c>SELECT</c> of the row a transaction is about to update ends with.</summary>
    public string LockRow { get; }

    /// <summary>A condition that <paramref name="text"/> contains <paramref name="parameter"/> (case-sensitive, ordinal).</summary>
    public string Contains(string text, string parameter) => $"{_position}({text}, {parameter}) > 0";
}
