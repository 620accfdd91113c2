using System.Collections.Immutable;
using DeltaSdk.Serialization;
using NodaTime;

namespace DeltaSdk.Validation;

/// <summary>
/// One validation in progress: the plan and region table the document is checked against, what "today" is, and
/// where diagnostics go. Custom rules receive it in <see cref="IValidationRule{TDocument}.Validate"/>.
/// </summary>
/// <remarks>A context belongs to one validation on one thread; it is not thread-safe.</remarks>
public sealed class ValidationContext
{
    private readonly ValidatorSettings _settings;
    private readonly ImmutableArray<Diagnostic>.Builder _diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();
    private int _errors;
    private int _warnings;
    private int _infos;
    private bool _truncated;

    // Null only inside ValidateJson until the text has been read far enough to tell; rules never run before that.
    private DeltaDocumentKind? _document;

    internal ValidationContext(ValidatorSettings settings, DeltaDocumentKind? document, Plan? plan, RegionTable? regions)
    {
        _settings = settings;
        _document = document;
        Plan = plan;
        Regions = regions;
        Today = settings.Clock.GetCurrentInstant().InZone(settings.TimeZone).Date;
    }

    /// <summary>Gets the kind of document being checked; paths given to <see cref="Report(RuleDescriptor, string, string?, object?[])"/> point into it.</summary>
    /// <remarks>
    /// Always known to rules: <see cref="DeltaValidator.ValidateJson(string, Plan?, RegionTable?)"/> runs them only on a
    /// document it has recognised and read. <see cref="DeltaDocumentKind.ProgressReport"/> also stands for the JSON array
    /// of reports checked by <see cref="DeltaValidator.ValidateProgressReports"/>.
    /// </remarks>
    /// <exception cref="InvalidOperationException">The kind is not known yet (never the case while a rule runs).</exception>
    public DeltaDocumentKind Document
    {
        get => _document ?? throw new InvalidOperationException("The document's kind is not known until its JSON has been read far enough to tell.");
        internal set => _document = value;
    }

    /// <summary>Gets the plan being validated, or the plan the document is validated against, when there is one.</summary>
    public Plan? Plan { get; internal set; }

    /// <summary>Gets the region table references are resolved against, when there is one; without it region references are not checked.</summary>
    public RegionTable? Regions { get; }

    /// <summary>Gets today's date from the configured clock and time zone.</summary>
    public LocalDate Today { get; }

    /// <summary>Gets the language of messages, a BCP 47 tag.</summary>
    public string Language => _settings.Language;

    /// <summary>Reports a diagnostic, applying suppression, warnings-as-errors and the cap.</summary>
    /// <param name="rule">The rule, which gives the code, severity, message template and help link.</param>
    /// <param name="path">The JSON path of the offending value, for example <c>$.aspects[0].tasks[2].tags[0]</c>.</param>
    /// <param name="value">The offending value as text, if one value is at fault.</param>
    /// <param name="messageArguments">The values for the placeholders of the rule's message.</param>
    /// <exception cref="ArgumentNullException"><paramref name="rule"/> or <paramref name="path"/> is <see langword="null"/>.</exception>
    public void Report(RuleDescriptor rule, string path, string? value = null, params object?[] messageArguments)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(path);
        Add(rule, new PathRef(path.Replace("{", "{{", StringComparison.Ordinal).Replace("}", "}}", StringComparison.Ordinal)), value, null, null, messageArguments ?? []);
    }

    /// <summary>Gets a value indicating whether a rule's diagnostics are suppressed, so that a costly check can be skipped.</summary>
    /// <param name="rule">The rule.</param>
    /// <returns><see langword="true"/> when the options suppress the rule's code.</returns>
    public bool IsSuppressed(RuleDescriptor rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return _settings.Suppressed.Contains(rule.Code);
    }

    internal void Report(RuleDescriptor rule, in PathRef path, string? value = null, params object?[] messageArguments)
        => Add(rule, path, value, null, null, messageArguments);

    internal void ReportAt(RuleDescriptor rule, string path, long? lineNumber, long? bytePositionInLine, params object?[] messageArguments)
        => Add(rule, new PathRef(path.Replace("{", "{{", StringComparison.Ordinal).Replace("}", "}}", StringComparison.Ordinal)), null, lineNumber, bytePositionInLine, messageArguments);

    internal ValidationReport ToReport()
        => new(_diagnostics.ToImmutable(), _document, _errors, _warnings, _infos, _truncated);

    private void Add(RuleDescriptor rule, in PathRef path, string? value, long? lineNumber, long? bytePositionInLine, object?[] messageArguments)
    {
        if (_settings.Suppressed.Contains(rule.Code))
        {
            return;
        }

        var severity = rule.DefaultSeverity == DiagnosticSeverity.Warning && _settings.WarningsAsErrors ? DiagnosticSeverity.Error : rule.DefaultSeverity;
        switch (severity)
        {
            case DiagnosticSeverity.Error: _errors++; break;
            case DiagnosticSeverity.Warning: _warnings++; break;
            default: _infos++; break;
        }

        if (_diagnostics.Count >= _settings.MaxDiagnostics)
        {
            // Counted, not kept: the counts keep IsValid right while the cap bounds the work and the memory.
            _truncated = true;
            return;
        }

        _diagnostics.Add(new Diagnostic
        {
            Code = rule.Code,
            Severity = severity,
            Path = path.Render(),
            Message = rule.FormatMessage(_settings.Language, messageArguments),
            Value = value,
            HelpLink = rule.HelpLink,
            LineNumber = lineNumber,
            BytePositionInLine = bytePositionInLine,
        });
    }
}
