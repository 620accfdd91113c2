using DeltaSdk.Tests.Internal;

namespace DeltaSdk.Tests;

public sealed class AgencyIdTests : IdentifierContract<AgencyId>
{
    protected override string Noun => "agency id";

    protected override IReadOnlyList<string> ValidTexts => SlugTexts.Valid;

    protected override IReadOnlyList<string> InvalidTexts => SlugTexts.Invalid;

    protected override IReadOnlyList<string> OrderedTexts => SlugTexts.Ordered;

    protected override AgencyId Parse(string text) => AgencyId.Parse(text);

    protected override bool TryParse(string? text, out AgencyId result) => AgencyId.TryParse(text, out result);

    protected override bool IsEmpty(AgencyId value) => value.IsEmpty;
}
