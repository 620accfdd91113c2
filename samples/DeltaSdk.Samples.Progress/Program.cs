using System.Text;
using DeltaSdk.Samples.Progress;
using NodaTime;

// Chinese names must survive terminals whose default code page is not UTF-8.
Console.OutputEncoding = Encoding.UTF8;

// Usage: dotnet run --project samples/DeltaSdk.Samples.Progress -- <province name or code> [--as-of yyyy-MM-dd]
// The date comes from NodaTime's clock in China Standard Time unless --as-of names one.
var asOfIndex = Array.IndexOf(args, "--as-of");
LocalDate asOf;
if (asOfIndex >= 0)
{
    if (asOfIndex + 1 >= args.Length || !ProgressReportWriter.TryParseDate(args[asOfIndex + 1], out asOf))
    {
        Console.WriteLine("--as-of needs a date such as 2025-06-30.");
        return ProgressReportWriter.UsageError;
    }

    args = [.. args[..asOfIndex], .. args[(asOfIndex + 2)..]];
}
else
{
    asOf = SystemClock.Instance.GetCurrentInstant().InZone(DateTimeZoneProviders.Tzdb["Asia/Shanghai"]).Date;
}

// Joined so that an unquoted two-word name still arrives as one argument.
return ProgressReportWriter.Write(Console.Out, args.Length == 0 ? null : string.Join(' ', args), asOf);
