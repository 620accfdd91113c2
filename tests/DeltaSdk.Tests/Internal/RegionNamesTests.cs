using DeltaSdk.Internal;

namespace DeltaSdk.Tests.Internal;

public sealed class RegionNamesTests
{
    [Theory]
    [InlineData("Suzhou", "suzhou")]
    [InlineData("  Wujiang \t District ", "wujiang district")]
    [InlineData("苏州市", "苏州市")]
    [InlineData("", "")]
    [InlineData("   ", "")]
    public void Normalize_trims_folds_case_and_collapses_white_space(string text, string expected)
    {
        Assert.Equal(expected, RegionNames.Normalize(text));
    }

    [Theory]
    [InlineData("苏州市", "苏州")]
    [InlineData("江苏省", "江苏")]
    [InlineData("吴江区", "吴江")]
    [InlineData("嘉善县", "嘉善")]
    [InlineData("suzhou city", "suzhou")]
    [InlineData("wujiang district", "wujiang")]
    [InlineData("jiashan county", "jiashan")]
    [InlineData("jiangsu province", "jiangsu")]
    [InlineData("市", "市")]
    [InlineData(" city", " city")]
    [InlineData("suzhou", "suzhou")]
    [InlineData("市辖区", "市辖")]
    [InlineData("cityscape", "cityscape")]
    public void StripSuffix_removes_one_recognised_suffix_unless_nothing_is_left(string folded, string expected)
    {
        Assert.Equal(expected, RegionNames.StripSuffix(folded));
    }

    [Fact]
    public void Forms_add_the_bare_name_and_the_suffix_the_level_implies_in_each_language()
    {
        var region = new Region
        {
            Code = RegionCode.Parse("320500"),
            Name = LocalizedText.Create("苏州市", "Suzhou"),
            Level = RegionLevel.City,
        };

        Assert.Equal(["苏州市", "苏州", "suzhou", "suzhou city"], RegionNames.Forms(region).Distinct());
    }

    [Fact]
    public void Forms_skip_blank_names()
    {
        var region = new Region
        {
            Code = RegionCode.Parse("330421"),
            Name = LocalizedText.Create("  ", "Jiashan County"),
            Level = RegionLevel.County,
        };

        Assert.Equal(["jiashan county", "jiashan"], RegionNames.Forms(region).Distinct());
    }
}
