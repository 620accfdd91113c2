using DeltaSdk.Tests.Internal;

namespace DeltaSdk.Tests;

public sealed class PlanIdTests : IdentifierContract<PlanId>
{
    protected override string Noun => "plan id";

    protected override IReadOnlyList<string> ValidTexts => SlugTexts.Valid;

    protected override IReadOnlyList<string> InvalidTexts => SlugTexts.Invalid;

    protected override IReadOnlyList<string> OrderedTexts => SlugTexts.Ordered;

    protected override PlanId Parse(string text) => PlanId.Parse(text);

    protected override bool TryParse(string? text, out PlanId result) => PlanId.TryParse(text, out result);

    protected override bool IsEmpty(PlanId value) => value.IsEmpty;
}
