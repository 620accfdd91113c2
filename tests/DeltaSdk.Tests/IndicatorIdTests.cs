using DeltaSdk.Tests.Internal;

namespace DeltaSdk.Tests;

public sealed class IndicatorIdTests : IdentifierContract<IndicatorId>
{
    protected override string Noun => "indicator id";

    protected override IReadOnlyList<string> ValidTexts => SlugTexts.Valid;

    protected override IReadOnlyList<string> InvalidTexts => SlugTexts.Invalid;

    protected override IReadOnlyList<string> OrderedTexts => SlugTexts.Ordered;

    protected override IndicatorId Parse(string text) => IndicatorId.Parse(text);

    protected override bool TryParse(string? text, out IndicatorId result) => IndicatorId.TryParse(text, out result);

    protected override bool IsEmpty(IndicatorId value) => value.IsEmpty;
}
