using System.Globalization;
using DeltaSdk.Internal;

namespace DeltaSdk.Validation;

/// <summary>
/// Describes one validation rule: its stable code, category, default severity, title, message template and help page.
/// The built-in rules are listed in <see cref="DeltaRules"/>; a custom rule creates its own descriptors.
/// </summary>
public sealed class RuleDescriptor
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="code">
    /// The stable code: two to eight upper-case ASCII letters then four digits, for example <c>ACME0001</c>.
    /// Built-in rules use <c>DLT</c>; choose another prefix for custom rules.
    /// </param>
    /// <param name="category">The rule's group.</param>
    /// <param name="defaultSeverity">The severity before options are applied.</param>
    /// <param name="title">A short name for the rule, in English and Simplified Chinese.</param>
    /// <param name="messageFormat">
    /// The message, in English and Simplified Chinese, as a composite format string whose placeholders
    /// (<c>{0}</c>, <c>{1}</c>, …) the rule fills in when it reports.
    /// </param>
    /// <param name="helpLink">The page that explains the rule, if any.</param>
    /// <exception cref="ArgumentNullException"><paramref name="code"/>, <paramref name="title"/> or <paramref name="messageFormat"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="code"/> is not in the required form, or a text has neither English nor Chinese.</exception>
    public RuleDescriptor(string code, RuleCategory category, DiagnosticSeverity defaultSeverity, LocalizedText title, LocalizedText messageFormat, Uri? helpLink = null)
    {
        ArgumentNullException.ThrowIfNull(code);
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(messageFormat);
        Preconditions.CheckArgument(IsWellFormedCode(code), $"{IdentifierSyntax.Describe(code)} is not a rule code: expected 2 to 8 upper-case ASCII letters then 4 digits, for example 'ACME0001'.", nameof(code));
        Preconditions.CheckArgument(title.EnglishText is not null || title.Chinese is not null, "The title needs an English or a Chinese text.", nameof(title));
        Preconditions.CheckArgument(messageFormat.EnglishText is not null || messageFormat.Chinese is not null, "The message needs an English or a Chinese text.", nameof(messageFormat));
        Code = code;
        Category = category;
        DefaultSeverity = defaultSeverity;
        Title = title;
        MessageFormat = messageFormat;
        HelpLink = helpLink;
    }

    /// <summary>Gets the stable code, for example <c>DLT3002</c>.</summary>
    public string Code { get; }

    /// <summary>Gets the rule's group.</summary>
    public RuleCategory Category { get; }

    /// <summary>Gets the severity before options are applied.</summary>
    public DiagnosticSeverity DefaultSeverity { get; }

    /// <summary>Gets a short name for the rule.</summary>
    public LocalizedText Title { get; }

    /// <summary>Gets the message template, a composite format string per language.</summary>
    public LocalizedText MessageFormat { get; }

    /// <summary>Gets the page that explains the rule, if any.</summary>
    public Uri? HelpLink { get; }

    /// <summary>Fills in the message template in a language, falling back to English.</summary>
    /// <param name="languageTag">A BCP 47 tag such as <c>en</c> or <c>zh-Hans</c>.</param>
    /// <param name="arguments">The values for the placeholders.</param>
    /// <returns>The message.</returns>
    public string FormatMessage(string languageTag, params object?[] arguments)
    {
        ArgumentNullException.ThrowIfNull(languageTag);
        ArgumentNullException.ThrowIfNull(arguments);
        var format = MessageFormat.Get(languageTag);
        return arguments.Length == 0 ? format : string.Format(CultureInfo.InvariantCulture, format, arguments);
    }

    /// <summary>Returns the code and English title.</summary>
    /// <returns>For example <c>DLT3002 Task time frame ends before it starts</c>.</returns>
    public override string ToString() => $"{Code} {Title.Get(LocalizedText.English)}";

    private static bool IsWellFormedCode(string code)
    {
        var letters = 0;
        while (letters < code.Length && char.IsAsciiLetterUpper(code[letters]))
        {
            letters++;
        }

        if (letters is < 2 or > 8 || code.Length != letters + 4)
        {
            return false;
        }

        for (var i = letters; i < code.Length; i++)
        {
            if (!char.IsAsciiDigit(code[i]))
            {
                return false;
            }
        }

        return true;
    }
}
