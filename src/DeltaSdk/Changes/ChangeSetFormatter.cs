using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using DeltaSdk.Serialization;

namespace DeltaSdk.Changes;

/// <summary>
/// Writes change sets as text for people: a summary line, each entity once with its member changes indented below
/// it, then the counts. Values are compact JSON, shortened past <see cref="MaxValueLength"/> characters.
/// </summary>
internal static class ChangeSetFormatter
{
    public const int MaxValueLength = 80;

    private static readonly JsonWriterOptions Compact = new() { Indented = false, Encoder = DeltaJsonContract.WriterOptions.Encoder };

    public static string Format(ChangeSet changeSet)
    {
        var text = new StringBuilder();
        var subject = changeSet.Subject == ChangeSubject.Plan ? "Plan" : "Region table";
        if (changeSet.IsEmpty)
        {
            return text.Append(subject).Append(": no changes\n").ToString();
        }

        int added = 0, removed = 0, moved = 0, changed = 0;
        (ChangedEntity Entity, string? Key)? current = null;
        (ChangedEntity Entity, string? Key)? counted = null;
        foreach (var change in changeSet.Changes)
        {
            switch (change.Kind)
            {
                case ChangeKind.Added:
                    added++;
                    break;
                case ChangeKind.Removed:
                    removed++;
                    break;
                case ChangeKind.Moved:
                    moved++;
                    break;
                default:
                    if (counted != (change.Entity, change.Key))
                    {
                        changed++;
                        counted = (change.Entity, change.Key);
                    }

                    break;
            }
        }

        text.Append(subject).Append(CultureInfo.InvariantCulture, $": {added} added, {removed} removed, {changed} changed, {moved} moved\n");
        foreach (var change in changeSet.Changes)
        {
            if (change.Kind != ChangeKind.Changed)
            {
                text.Append(FormatLine(change)).Append('\n');
                current = (change.Entity, change.Key);
                continue;
            }

            if (current != (change.Entity, change.Key))
            {
                var path = change.Path[..(change.Path.Length - JsonPaths.Property(change.Member ?? string.Empty).Length)];
                text.Append("~ ").Append(Name(change)).Append(" at ").Append(path).Append('\n');
                current = (change.Entity, change.Key);
            }

            text.Append("    ").Append(change.Member).Append(": ").Append(Values(change)).Append('\n');
        }

        if (!changeSet.Counts.IsEmpty)
        {
            text.Append("Counts:\n");
            foreach (var count in changeSet.Counts)
            {
                text.Append("  ").Append(FormatLine(count)).Append('\n');
            }
        }

        return text.ToString();
    }

    public static string FormatLine(Change change) => change.Kind switch
    {
        ChangeKind.Added => $"+ {Name(change)} at {change.Path}",
        ChangeKind.Removed => $"- {Name(change)} at {change.Path}",
        ChangeKind.Moved => $"> {Name(change)} moved from {change.OldPath ?? change.Path} to {change.Path}: {Values(change)}",
        _ => $"~ {Name(change)} {change.Member}: {Values(change)}",
    };

    public static string FormatLine(CountChange count)
    {
        var name = JsonNamingPolicy.CamelCase.ConvertName(count.Count.ToString());
        var scope = count.Aspect is null ? string.Empty : " of aspect " + count.Aspect;
        var difference = count.Difference is { } d ? string.Create(CultureInfo.InvariantCulture, $" ({d:+0;-0})") : string.Empty;
        return $"{name}{scope} {Number(count.OldValue)} → {Number(count.NewValue)}{difference}";
    }

    private static string Name(Change change)
    {
        var entity = change.Entity switch
        {
            ChangedEntity.RegionTable => "region table",
            ChangedEntity.RegionGroup => "region group",
            _ => JsonNamingPolicy.CamelCase.ConvertName(change.Entity.ToString()),
        };
        return change.Key is null ? entity : entity + " " + change.Key;
    }

    private static string Values(Change change) => $"{Value(change.OldValue)} → {Value(change.NewValue)}";

    private static string Number(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "(none)";

    private static string Value(JsonElement? value)
    {
        if (value is not { } element)
        {
            return "(absent)";
        }

        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, Compact))
        {
            element.WriteTo(writer);
        }

        var text = Encoding.UTF8.GetString(buffer.WrittenSpan);
        if (text.Length <= MaxValueLength)
        {
            return text;
        }

        // Never cut between the two halves of a surrogate pair.
        var keep = char.IsHighSurrogate(text[MaxValueLength - 2]) ? MaxValueLength - 2 : MaxValueLength - 1;
        return string.Concat(text.AsSpan(0, keep), "…");
    }
}
