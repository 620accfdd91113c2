using DeltaSdk.Tests.Internal;

namespace DeltaSdk.Tests;

public sealed class TaskCodeTests : IdentifierContract<TaskCode>
{
    protected override string Noun => "task code";

    protected override IReadOnlyList<string> ValidTexts =>
    [
        "YRD-1-01",
        "A",
        "1",
        "A.B-C",
        "YRD.1.2",
        new string('A', 64),
        string.Join('.', Enumerable.Repeat("AB", 21)) + "C",
    ];

    protected override IReadOnlyList<string> InvalidTexts =>
    [
        "",
        " ",
        "yrd-1-01",
        "Yrd-1-01",
        "YRD--1",
        "YRD-.1",
        "YRD-",
        "YRD.",
        "-YRD",
        ".YRD",
        "YRD 1",
        "YRD_1",
        "YRD/1",
        " YRD-1",
        "YRD-1 ",
        "YRD-1\n",
        "YRD\u00001",
        new string('A', 65),
        "\uff39RD", // fullwidth 'Y'
        "YRD-\uff11", // fullwidth '1'
        "YRD-\u0661", // Arabic-Indic '1'
        "任务-1",
    ];

    // Ordinal order: '-' sorts before '.', which sorts before digits, so "1-10" sorts before "1-2".
    protected override IReadOnlyList<string> OrderedTexts => ["1", "A", "A-1", "A.1", "A1", "YRD-1-01", "YRD-1-10", "YRD-1-2", "YRD-2-01"];

    [Fact]
    public void Codes_are_case_sensitive()
    {
        Assert.True(TaskCode.TryParse("YRD-1-01", out _));
        Assert.False(TaskCode.TryParse("yrd-1-01", out _));
    }

    protected override TaskCode Parse(string text) => TaskCode.Parse(text);

    protected override bool TryParse(string? text, out TaskCode result) => TaskCode.TryParse(text, out result);

    protected override bool IsEmpty(TaskCode value) => value.IsEmpty;
}
