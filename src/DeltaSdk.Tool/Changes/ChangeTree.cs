using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using DeltaSdk.Changes;
using Spectre.Console;

namespace DeltaSdk.Tool.Changes;

/// <summary>
/// Draws a <see cref="ChangeSet"/> as a Spectre.Console tree: one branch per kind of entity, each entity once with its
/// member changes below it as <c>old → new</c>, then the counts that moved. Values are compact JSON, shortened past
/// <see cref="MaxValueLength"/> characters; <c>--format json</c> has them whole.
/// </summary>
internal static class ChangeTree
{
    /// <summary>The longest value shown in full; longer ones end with an ellipsis.</summary>
    public const int MaxValueLength = 100;

    private static readonly Style AddedStyle = new(Color.Green);
    private static readonly Style RemovedStyle = new(Color.Red);
    private static readonly Style ChangedStyle = new(Color.Yellow);
    private static readonly Style MovedStyle = new(Color.Blue);

    /// <summary>Writes the tree.</summary>
    /// <param name="console">The console.</param>
    /// <param name="changeSet">The changes.</param>
    /// <param name="oldFile">The old file as typed, for the heading.</param>
    /// <param name="newFile">The new file as typed, for the heading.</param>
    /// <param name="language">The language of titles shown beside added and removed entities.</param>
    public static void Write(IAnsiConsole console, ChangeSet changeSet, string oldFile, string newFile, string language)
    {
        var subject = changeSet.Subject == ChangeSubject.Plan ? "Plan" : "Region table";
        if (changeSet.IsEmpty)
        {
            console.WriteLine($"{subject}: no changes ({oldFile} → {newFile})");
            return;
        }

        var entities = changeSet.Changes.GroupBy(static c => (c.Entity, c.Key)).ToList();
        var added = entities.Count(static g => g.Any(static c => c.Kind == ChangeKind.Added));
        var removed = entities.Count(static g => g.Any(static c => c.Kind == ChangeKind.Removed));
        var moved = entities.Count(static g => g.Any(static c => c.Kind == ChangeKind.Moved));
        var changed = entities.Count(static g => g.Any(static c => c.Kind == ChangeKind.Changed));
        var tree = new Tree(new Text(string.Create(CultureInfo.InvariantCulture, $"{subject}: {added} added, {removed} removed, {changed} changed, {moved} moved ({oldFile} → {newFile})")));

        // The change set is already ordered by entity kind, then key; grouping keeps that order.
        foreach (var kind in entities.GroupBy(static g => g.Key.Entity))
        {
            if (kind.Key is ChangedEntity.Plan or ChangedEntity.RegionTable)
            {
                // The document itself has no key and only member changes: they hang from the branch directly.
                var members = kind.SelectMany(static g => g).ToList();
                var document = tree.AddNode(new Text(string.Create(CultureInfo.InvariantCulture, $"{Heading(kind.Key)} ({members.Count} {(members.Count == 1 ? "member" : "members")} changed)")));
                AddMembers(document, members);
                continue;
            }

            var branch = tree.AddNode(new Text(string.Create(CultureInfo.InvariantCulture, $"{Heading(kind.Key)} ({kind.Count()})")));
            foreach (var entity in kind)
            {
                var whole = entity.FirstOrDefault(static c => c.Kind != ChangeKind.Changed);
                var node = branch.AddNode(whole is null ? ChangedLabel(entity.First()) : WholeLabel(whole, language));
                AddMembers(node, entity.Where(static c => c.Kind == ChangeKind.Changed));
            }
        }

        if (!changeSet.Counts.IsEmpty)
        {
            var counts = tree.AddNode(new Text("Counts"));
            foreach (var count in changeSet.Counts)
            {
                var name = JsonNamingPolicy.CamelCase.ConvertName(count.Count.ToString());
                var scope = count.Aspect is null ? string.Empty : " of aspect " + count.Aspect;
                var difference = count.Difference is { } d ? string.Create(CultureInfo.InvariantCulture, $" ({d:+0;-0})") : string.Empty;
                counts.AddNode(new Text($"{name}{scope}: {Number(count.OldValue)} → {Number(count.NewValue)}{difference}"));
            }
        }

        console.Write(tree);
    }

    /// <summary>Formats a value as compact JSON, shortened for a line of the tree.</summary>
    /// <param name="value">The value, or <see langword="null"/> when absent.</param>
    /// <returns>The text; <c>(absent)</c> for an absent value.</returns>
    public static string Value(JsonElement? value)
    {
        if (value is not { } element)
        {
            return "(absent)";
        }

        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, ToolJson.CellOptions))
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

    private static void AddMembers(TreeNode node, IEnumerable<Change> changes)
    {
        foreach (var change in changes)
        {
            node.AddNode(new Text($"{change.Member}: {Value(change.OldValue)} → {Value(change.NewValue)}", ChangedStyle));
        }
    }

    private static Text WholeLabel(Change change, string language) => change.Kind switch
    {
        ChangeKind.Added => new Text($"+ {change.Key}{Title(change.NewValue, language)} at {change.Path}", AddedStyle),
        ChangeKind.Removed => new Text($"- {change.Key}{Title(change.OldValue, language)} at {change.Path}", RemovedStyle),
        _ => new Text($"> {change.Key} moved from {change.OldPath ?? change.Path} to {change.Path}: {Value(change.OldValue)} → {Value(change.NewValue)}", MovedStyle),
    };

    private static Text ChangedLabel(Change change) => new($"~ {change.Key} at {EntityPath(change)}", ChangedStyle);

    /// <summary>The path of the entity a member change is in: its path without the member's last step.</summary>
    private static string EntityPath(Change change)
    {
        var path = change.Path;
        if (change.Member is { } member)
        {
            foreach (var step in (ReadOnlySpan<string>)["." + member, "['" + member + "']"])
            {
                if (path.EndsWith(step, StringComparison.Ordinal))
                {
                    return path[..^step.Length];
                }
            }
        }

        return path;
    }

    /// <summary>The title or name of an added or removed entity, in the language asked for when it has one, after two spaces.</summary>
    private static string Title(JsonElement? value, string language)
    {
        if (value is not { ValueKind: JsonValueKind.Object } entity)
        {
            return string.Empty;
        }

        if (!entity.TryGetProperty("title", out var title) && !entity.TryGetProperty("name", out title))
        {
            return string.Empty;
        }

        if (title.ValueKind == JsonValueKind.String)
        {
            return "  " + title.GetString();
        }

        if (title.ValueKind != JsonValueKind.Object)
        {
            return string.Empty;
        }

        if (title.TryGetProperty(language, out var text) && text.ValueKind == JsonValueKind.String)
        {
            return "  " + text.GetString();
        }

        foreach (var other in title.EnumerateObject())
        {
            if (other.Value.ValueKind == JsonValueKind.String)
            {
                return "  " + other.Value.GetString();
            }
        }

        return string.Empty;
    }

    private static string Heading(ChangedEntity entity) => entity switch
    {
        ChangedEntity.Plan => "Plan",
        ChangedEntity.Aspect => "Aspects",
        ChangedEntity.Task => "Tasks",
        ChangedEntity.Agency => "Agencies",
        ChangedEntity.Indicator => "Indicators",
        ChangedEntity.RegionTable => "Region table",
        ChangedEntity.Region => "Regions",
        _ => "Region groups",
    };

    private static string Number(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "(none)";
}
