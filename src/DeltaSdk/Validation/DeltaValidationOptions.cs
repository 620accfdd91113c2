using NodaTime;

namespace DeltaSdk.Validation;

/// <summary>
/// Settings for a <see cref="DeltaValidator"/>. The validator copies them when it is constructed, so changing an
/// options object afterwards does not affect a validator already built from it.
/// </summary>
public sealed class DeltaValidationOptions
{
    /// <summary>The default for <see cref="MaxDiagnostics"/>.</summary>
    public const int DefaultMaxDiagnostics = 1000;

    /// <summary>Gets or sets a value indicating whether warnings are reported, and counted, as errors. Default: <see langword="false"/>.</summary>
    public bool WarningsAsErrors { get; set; }

    /// <summary>Gets the codes of rules whose diagnostics are dropped (case-insensitive), for example <c>DLT7001</c>. Default: empty.</summary>
    public ISet<string> SuppressedCodes { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Gets or sets the language of messages as a BCP 47 tag: <c>en</c> (English) or <c>zh-Hans</c> (Simplified Chinese);
    /// any tag starting with <c>zh</c> selects Chinese, anything else English. Default: <c>en</c>.
    /// </summary>
    public string Language { get; set; } = LocalizedText.English;

    /// <summary>
    /// Gets or sets how many diagnostics a report keeps. Diagnostics beyond the cap are counted (so
    /// <see cref="ValidationReport.IsValid"/> stays right) but not kept, and <see cref="ValidationReport.IsTruncated"/> is set.
    /// Must be at least 1. Default: <see cref="DefaultMaxDiagnostics"/>.
    /// </summary>
    public int MaxDiagnostics { get; set; } = DefaultMaxDiagnostics;

    /// <summary>Gets or sets the clock that says what "now" is, for the rule that nothing is dated in the future. Default: <see cref="SystemClock.Instance"/>.</summary>
    public IClock Clock { get; set; } = SystemClock.Instance;

    /// <summary>
    /// Gets or sets the time zone in which "today" is taken. Default: UTC+08:00, China Standard Time, where the plan's
    /// reports are dated; a fixed offset needs no time-zone database.
    /// </summary>
    public DateTimeZone TimeZone { get; set; } = DateTimeZone.ForOffset(Offset.FromHours(8));

    /// <summary>Gets custom rules to run after the built-in ones. Default: empty.</summary>
    public IList<IValidationRule> Rules { get; } = new List<IValidationRule>();
}
