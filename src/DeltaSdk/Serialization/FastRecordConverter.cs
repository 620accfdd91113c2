using System.Text.Json;
using System.Text.Json.Serialization;

namespace DeltaSdk.Serialization;

/// <summary>
/// Puts a <see cref="FastRecord{TBuilder, TRecord}"/> into the fast-path options (<see cref="DeltaJsonContract.FastFor"/>):
/// reads through the table, writes through the contract.
/// </summary>
/// <typeparam name="TBuilder">The record's builder.</typeparam>
/// <typeparam name="TRecord">The record.</typeparam>
/// <param name="record">The record's table.</param>
/// <param name="strict">Whether unknown members are refused.</param>
internal sealed class FastRecordConverter<TBuilder, TRecord>(FastRecord<TBuilder, TRecord> record, bool strict) : JsonConverter<TRecord>
    where TBuilder : struct
    where TRecord : class
{
    public override TRecord Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        => record.Read(ref reader, strict, options);

    public override void Write(Utf8JsonWriter writer, TRecord value, JsonSerializerOptions options)
        => JsonSerializer.Serialize(writer, value, DeltaJsonContract.TypeInfo<TRecord>(DeltaJsonContract.Lenient));
}
