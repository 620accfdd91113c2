using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace DeltaSdk.Serialization;

/// <summary>
/// The one fast reader of records: a table of a record's members (UTF-8 name → <see cref="MemberReader{TBuilder}"/>)
/// read into a builder struct, from which the record is then made once. What every record shares (the object's
/// shape, duplicate and escaped names, unknown members, required members) is done here, once; a table only says how
/// each member's value is read.
/// </summary>
/// <remarks>
/// The member names, their order and which are required are not written twice: they are taken from the record's
/// generated contract (<see cref="DeltaJsonContract"/>), and a table that does not cover the contract's members
/// exactly fails when it is built, so a member added to a model cannot be read as an unknown member here.
/// </remarks>
/// <typeparam name="TBuilder">A mutable struct that holds the members read so far.</typeparam>
/// <typeparam name="TRecord">The record read.</typeparam>
internal sealed class FastRecord<TBuilder, TRecord>
    where TBuilder : struct
    where TRecord : class
{
    private readonly byte[][] _names;
    private readonly MemberReader<TBuilder>[] _readers;
    private readonly int _required;
    private readonly TBuilder _defaults;
    private readonly Func<TBuilder, Dictionary<string, JsonElement>?, TRecord> _build;

    // Read as a delegate, made once, for the lists of these records.
    private readonly FastRead.Item<TRecord> _readItem;

    /// <summary>Initializes a new instance of the <see cref="FastRecord{TBuilder, TRecord}"/> class.</summary>
    /// <param name="defaults">The builder before any member is read (the record's defaults for optional members).</param>
    /// <param name="build">Makes the record from the builder and the unknown members (null when there are none).</param>
    /// <param name="members">How each member's value is read, by its name on the wire; in any order.</param>
    /// <exception cref="InvalidOperationException">The members are not exactly those of the record's contract.</exception>
    public FastRecord(TBuilder defaults, Func<TBuilder, Dictionary<string, JsonElement>?, TRecord> build, params (string Name, MemberReader<TBuilder> Read)[] members)
    {
        _defaults = defaults;
        _build = build;

        // The contract's order is the order the writer uses, so canonical documents meet the members in table order.
        var contract = DeltaJsonContract.TypeInfo<TRecord>(DeltaJsonContract.Lenient).Properties.Where(static p => !p.IsExtensionData).ToArray();
        var byName = members.ToDictionary(static m => m.Name, static m => m.Read, StringComparer.Ordinal);
        var missing = contract.Select(static p => p.Name).Where(name => !byName.ContainsKey(name)).ToArray();
        var extra = byName.Keys.Except(contract.Select(static p => p.Name), StringComparer.Ordinal).ToArray();
        if (missing.Length > 0 || extra.Length > 0 || contract.Length > 31)
        {
            throw new InvalidOperationException(
                $"The fast reader of {typeof(TRecord).Name} does not match its contract (not read: {string.Join(", ", missing)}; not in the contract: {string.Join(", ", extra)}).");
        }

        _names = [.. contract.Select(static p => Encoding.UTF8.GetBytes(p.Name))];
        _readers = [.. contract.Select(p => byName[p.Name])];
        for (var i = 0; i < contract.Length; i++)
        {
            if (contract[i].IsRequired)
            {
                _required |= 1 << i;
            }
        }

        _readItem = Read;
    }

    /// <summary>
    /// Reads one record, the reader on its start. Throws <see cref="FastPathFallbackException"/> for anything the
    /// contract has to decide: not an object, an escaped or repeated name, a missing required member, an unknown
    /// member the contract would not keep, and what the member readers leave to it.
    /// </summary>
    /// <param name="reader">The reader, on the record's <c>{</c>; left on its <c>}</c>.</param>
    /// <param name="strict">Whether unknown members are refused.</param>
    /// <param name="options">The fast-path serializer options.</param>
    /// <returns>The record.</returns>
    public TRecord Read(ref Utf8JsonReader reader, bool strict, JsonSerializerOptions options)
    {
        FastRead.StartObject(ref reader);
        var builder = _defaults;
        Dictionary<string, JsonElement>? unknown = null;
        var seen = 0;
        var next = 0;
        while (FastRead.NextProperty(ref reader))
        {
            var index = IndexOf(reader.ValueSpan, next);
            if (index < 0)
            {
                FastRead.Unknown(ref reader, strict, ref unknown);
                continue;
            }

            FastRead.Seen(ref seen, 1 << index);
            next = index + 1;
            reader.Read();
            _readers[index](ref reader, ref builder, strict, options);
        }

        if ((seen & _required) != _required)
        {
            FastRead.Fallback();
        }

        return _build(builder, unknown);
    }

    /// <summary>Reads one record or a JSON <c>null</c> (for an optional member).</summary>
    /// <param name="reader">The reader, on the value.</param>
    /// <param name="strict">Whether unknown members are refused.</param>
    /// <param name="options">The fast-path serializer options.</param>
    /// <returns>The record, or <see langword="null"/>.</returns>
    public TRecord? ReadNullable(ref Utf8JsonReader reader, bool strict, JsonSerializerOptions options)
        => reader.TokenType == JsonTokenType.Null ? null : Read(ref reader, strict, options);

    /// <summary>Reads a list of these records (see <see cref="FastRead.Array{T}"/>).</summary>
    /// <param name="reader">The reader, on the value.</param>
    /// <param name="strict">Whether unknown members are refused.</param>
    /// <param name="options">The fast-path serializer options.</param>
    /// <returns>The records.</returns>
    public ImmutableArray<TRecord> ReadArray(ref Utf8JsonReader reader, bool strict, JsonSerializerOptions options)
        => FastRead.Array(ref reader, strict, options, _readItem);

    /// <summary>Makes the converter that puts this table into fast-path options.</summary>
    /// <param name="strict">Whether unknown members are refused.</param>
    /// <returns>A converter that reads through the table and writes through the contract.</returns>
    public JsonConverter<TRecord> Converter(bool strict) => new FastRecordConverter<TBuilder, TRecord>(this, strict);

    /// <summary>Finds a member by its UTF-8 name, trying the members after the last one found first.</summary>
    private int IndexOf(ReadOnlySpan<byte> name, int next)
    {
        var names = _names;
        for (var i = next; i < names.Length; i++)
        {
            if (name.SequenceEqual(names[i]))
            {
                return i;
            }
        }

        for (var i = 0; i < next; i++)
        {
            if (name.SequenceEqual(names[i]))
            {
                return i;
            }
        }

        return -1;
    }
}
