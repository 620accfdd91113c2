using DeltaSdk.Tests.Internal;

namespace DeltaSdk.Tests;

public sealed class RegionGroupIdTests : IdentifierContract<RegionGroupId>
{
    protected override string Noun => "region group id";

    protected override IReadOnlyList<string> ValidTexts => SlugTexts.Valid;

    protected override IReadOnlyList<string> InvalidTexts => SlugTexts.Invalid;

    protected override IReadOnlyList<string> OrderedTexts => SlugTexts.Ordered;

    protected override RegionGroupId Parse(string text) => RegionGroupId.Parse(text);

    protected override bool TryParse(string? text, out RegionGroupId result) => RegionGroupId.TryParse(text, out result);

    protected override bool IsEmpty(RegionGroupId value) => value.IsEmpty;
}
