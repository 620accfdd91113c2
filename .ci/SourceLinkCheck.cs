// Checks the symbol packages .ci/run packed: every PDB maps its sources to the public repository (SourceLink) and
// names them by deterministic paths (/_/...), not by the folder the build ran in. A file-based app of .NET 10:
//   dotnet run .ci/SourceLinkCheck.cs -- <folder of .snupkg files> <repository URL>
// Exit code 0 when every PDB passes, 1 otherwise, with one line per PDB.
using System.IO.Compression;
using System.Reflection.Metadata;
using System.Text.Json;

var folder = args[0];
var repository = args[1].TrimEnd('/');
var sourceLinkKind = new Guid("CC110556-A091-4D38-9FEC-25AB9A351A6A");
var rawPrefix = repository.Replace("https://github.com/", "https://raw.githubusercontent.com/", StringComparison.Ordinal) + "/";
var failures = 0;
var checkedPdbs = 0;

foreach (var package in Directory.GetFiles(folder, "*.snupkg"))
{
    using var archive = ZipFile.OpenRead(package);
    foreach (var entry in archive.Entries.Where(e => e.FullName.EndsWith(".pdb", StringComparison.OrdinalIgnoreCase)))
    {
        checkedPdbs++;
        using var buffer = new MemoryStream();
        using (var stream = entry.Open())
        {
            stream.CopyTo(buffer);
        }

        buffer.Position = 0;
        using var provider = MetadataReaderProvider.FromPortablePdbStream(buffer);
        var reader = provider.GetMetadataReader();
        string? sourceLink = null;
        foreach (var handle in reader.CustomDebugInformation)
        {
            var information = reader.GetCustomDebugInformation(handle);
            if (reader.GetGuid(information.Kind) == sourceLinkKind)
            {
                sourceLink = System.Text.Encoding.UTF8.GetString(reader.GetBlobBytes(information.Value));
            }
        }

        var documents = reader.Documents.Select(d => reader.GetString(reader.GetDocument(d).Name)).ToList();
        var nonDeterministic = documents.Where(d => !d.StartsWith("/_/", StringComparison.Ordinal)).ToList();
        var mappings = sourceLink is null
            ? []
            : JsonDocument.Parse(sourceLink).RootElement.GetProperty("documents").EnumerateObject().Select(p => (Local: p.Name, Url: p.Value.GetString()!)).ToList();
        var mapped = mappings.Any(m => m.Local.StartsWith("/_/", StringComparison.Ordinal) && m.Url.StartsWith(rawPrefix, StringComparison.Ordinal));
        var name = $"{Path.GetFileName(package)}!{entry.FullName}";
        if (!mapped || nonDeterministic.Count > 0)
        {
            failures++;
            Console.WriteLine($"FAIL {name}: source link {(sourceLink ?? "(none)")}; {nonDeterministic.Count} of {documents.Count} document paths not deterministic{(nonDeterministic.Count > 0 ? ", e.g. " + nonDeterministic[0] : string.Empty)}");
        }
        else
        {
            Console.WriteLine($"ok   {name}: {documents.Count} documents under /_/, mapped to {string.Join(", ", mappings.Select(m => m.Url))}");
        }
    }
}

if (checkedPdbs == 0)
{
    Console.WriteLine($"FAIL no PDB found in {folder}/*.snupkg");
    return 1;
}

return failures == 0 ? 0 : 1;
