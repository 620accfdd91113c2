using System.Globalization;

namespace DeltaSdk.Validation;

/// <summary>
/// A JSON path that is rendered only when a diagnostic is kept, so that clean entities cost no string work.
/// The prefix uses <c>{0}</c> and <c>{1}</c> for the entity's own indices; the suffix uses <c>{2}</c> for a child's index.
/// </summary>
internal readonly struct PathRef
{
    private readonly string _prefix;
    private readonly string _suffix;
    private readonly int _a;
    private readonly int _b;
    private readonly int _c;

    public PathRef(string prefix, string suffix = "", int a = 0, int b = 0, int c = 0)
    {
        _prefix = prefix;
        _suffix = suffix;
        _a = a;
        _b = b;
        _c = c;
    }

    public string Render()
    {
        var template = _suffix.Length == 0 ? _prefix : string.Concat(_prefix, _suffix);
        return template.Contains('{', StringComparison.Ordinal) ? string.Format(CultureInfo.InvariantCulture, template, _a, _b, _c) : template;
    }

    public override string ToString() => Render();
}
