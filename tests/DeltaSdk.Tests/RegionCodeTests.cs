using DeltaSdk.Tests.Internal;

namespace DeltaSdk.Tests;

public sealed class RegionCodeTests : IdentifierContract<RegionCode>
{
    protected override string Noun => "region code";

    protected override IReadOnlyList<string> ValidTexts => ["310000", "320509", "100000", "999999", "330421"];

    protected override IReadOnlyList<string> InvalidTexts =>
    [
        "",
        " ",
        "010000",
        "000000",
        "31000",
        "3100000",
        "31000a",
        "31-000",
        "+31000",
        "310 00",
        " 310000",
        "310000 ",
        "310000\n",
        "\uff13\uff11\uff10\uff10\uff10\uff10", // fullwidth digits
        "31000\uff13",
        "\u0663\u0661\u0660\u0660\u0660\u0660", // Arabic-Indic digits
        new string('3', 65),
        "上海市",
    ];

    protected override IReadOnlyList<string> OrderedTexts => ["110000", "310000", "310118", "320000", "320500", "320509"];

    [Theory]
    [InlineData("310000", RegionCodeLevel.Provincial)]
    [InlineData("320000", RegionCodeLevel.Provincial)]
    [InlineData("320500", RegionCodeLevel.Prefectural)]
    [InlineData("310100", RegionCodeLevel.Prefectural)]
    [InlineData("320509", RegionCodeLevel.County)]
    [InlineData("310118", RegionCodeLevel.County)]
    [InlineData("320100", RegionCodeLevel.Prefectural)]
    [InlineData("100001", RegionCodeLevel.County)]
    public void CodeLevel_follows_the_trailing_zero_pairs(string code, RegionCodeLevel level)
    {
        Assert.Equal(level, RegionCode.Parse(code).CodeLevel);
    }

    [Theory]
    [InlineData("310000", "310000")]
    [InlineData("310118", "310000")]
    [InlineData("320500", "320000")]
    [InlineData("320509", "320000")]
    [InlineData("341300", "340000")]
    public void Province_keeps_the_first_two_digits(string code, string province)
    {
        Assert.Equal(RegionCode.Parse(province), RegionCode.Parse(code).Province);
    }

    [Theory]
    [InlineData("320000", null)]
    [InlineData("320500", "320500")]
    [InlineData("320509", "320500")]
    [InlineData("310118", "310100")]
    public void Prefecture_keeps_the_first_four_digits_below_provincial_level(string code, string? prefecture)
    {
        Assert.Equal(prefecture is null ? null : RegionCode.Parse(prefecture), RegionCode.Parse(code).Prefecture);
    }

    [Theory]
    [InlineData("320509", "320509", true)]
    [InlineData("320509", "320500", true)]
    [InlineData("320509", "320000", true)]
    [InlineData("320500", "320000", true)]
    [InlineData("320000", "320000", true)]
    [InlineData("310118", "310000", true)]
    [InlineData("320509", "320600", false)]
    [InlineData("320509", "330000", false)]
    [InlineData("320500", "320509", false)]
    [InlineData("320000", "320500", false)]
    [InlineData("320509", "320508", false)]
    public void IsWithin_compares_the_ancestors_digits(string code, string ancestor, bool within)
    {
        Assert.Equal(within, RegionCode.Parse(code).IsWithin(RegionCode.Parse(ancestor)));
    }

    [Fact]
    public void IsWithin_is_false_for_default_on_either_side()
    {
        var shanghai = RegionCode.Parse("310000");

        Assert.False(default(RegionCode).IsWithin(shanghai));
        Assert.False(shanghai.IsWithin(default));
        Assert.False(default(RegionCode).IsWithin(default));
    }

    [Fact]
    public void Derived_codes_of_default_throw()
    {
        Assert.Throws<InvalidOperationException>(() => default(RegionCode).CodeLevel);
        Assert.Throws<InvalidOperationException>(() => default(RegionCode).Province);
        Assert.Throws<InvalidOperationException>(() => default(RegionCode).Prefecture);
    }

    protected override RegionCode Parse(string text) => RegionCode.Parse(text);

    protected override bool TryParse(string? text, out RegionCode result) => RegionCode.TryParse(text, out result);

    protected override bool IsEmpty(RegionCode value) => value.IsEmpty;
}
