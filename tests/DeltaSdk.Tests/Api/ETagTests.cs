using DeltaSdk.Api;

namespace DeltaSdk.Tests.Api;

public sealed class ETagTests
{
    [Theory]
    [InlineData("\"3f1c\"", "3f1c", false)]
    [InlineData("W/\"3f1c\"", "3f1c", true)]
    [InlineData(" \"a-b_c\" ", "a-b_c", false)]
    public void Parse_reads_the_header_form_and_ToString_H_writes_it_back(string header, string opaque, bool weak)
    {
        var etag = ETag.Parse(header);

        Assert.Equal(opaque, etag.OpaqueTag);
        Assert.Equal(weak, etag.IsWeak);
        Assert.Equal(header.Trim(), etag.ToString("H"));
        Assert.Equal(header.Trim(), etag.ToString());
        Assert.Equal(opaque, etag.ToString("O"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("3f1c")]
    [InlineData("\"\"")]
    [InlineData("\"a b\"")]
    [InlineData("\"a\"b\"")]
    [InlineData("w/\"a\"")]
    [InlineData("W/*")]
    public void Text_that_is_not_an_entity_tag_is_refused(string text)
    {
        Assert.False(ETag.TryParse(text, out var etag));
        Assert.True(etag.IsEmpty);
        Assert.Throws<FormatException>(() => ETag.Parse(text));
    }

    [Fact]
    public void Equality_is_the_tag_and_its_strength_and_the_RFC_comparisons_differ_on_weak_tags()
    {
        var strong = new ETag("v1");
        var weak = new ETag("v1", isWeak: true);

        Assert.Equal(strong, ETag.Parse("\"v1\""));
        Assert.True(strong == new ETag("v1"));
        Assert.True(strong != weak);
        Assert.Equal(strong.GetHashCode(), ETag.Parse("\"v1\"").GetHashCode());
        Assert.True(strong.StrongEquals(new ETag("v1")));
        Assert.False(strong.StrongEquals(weak));
        Assert.False(weak.StrongEquals(weak));
        Assert.True(strong.WeakEquals(weak));
        Assert.False(strong.WeakEquals(new ETag("v2")));
    }

    [Fact]
    public void The_any_tag_and_the_empty_tag_format_as_headers_need()
    {
        Assert.Equal("*", ETag.All.ToString("H"));
        Assert.Equal(ETag.All, ETag.Parse("*"));
        Assert.False(new ETag("*", isWeak: true).IsWeak);
        Assert.True(default(ETag).IsEmpty);
        Assert.Equal(string.Empty, default(ETag).ToString());
        Assert.False(default(ETag).WeakEquals(default));
        Assert.Throws<ArgumentException>(() => new ETag("a\"b"));
        Assert.Throws<FormatException>(() => new ETag("v1").ToString("X"));
    }
}
