using System.Text.Json;

namespace DeltaSdk.Serialization;

/// <summary>
/// Reads the value of one member of a record (the reader is on the value) into the builder the record is then made
/// from: one entry of a <see cref="FastRecord{TBuilder, TRecord}"/> table.
/// </summary>
/// <typeparam name="TBuilder">The mutable struct that holds the members read so far.</typeparam>
/// <param name="reader">The reader, on the member's value; left on the value's last token.</param>
/// <param name="builder">The builder to set the member on.</param>
/// <param name="strict">Whether unknown members are refused (passed on to nested records).</param>
/// <param name="options">The fast-path serializer options (passed on to the converters of values).</param>
internal delegate void MemberReader<TBuilder>(ref Utf8JsonReader reader, ref TBuilder builder, bool strict, JsonSerializerOptions options)
    where TBuilder : struct;
