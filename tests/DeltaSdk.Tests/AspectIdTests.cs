using DeltaSdk.Tests.Internal;

namespace DeltaSdk.Tests;

public sealed class AspectIdTests : IdentifierContract<AspectId>
{
    protected override string Noun => "aspect id";

    protected override IReadOnlyList<string> ValidTexts => SlugTexts.Valid;

    protected override IReadOnlyList<string> InvalidTexts => SlugTexts.Invalid;

    protected override IReadOnlyList<string> OrderedTexts => SlugTexts.Ordered;

    protected override AspectId Parse(string text) => AspectId.Parse(text);

    protected override bool TryParse(string? text, out AspectId result) => AspectId.TryParse(text, out result);

    protected override bool IsEmpty(AspectId value) => value.IsEmpty;
}
