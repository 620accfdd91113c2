namespace DeltaSdk.Tests.Internal;

/// <summary>Texts that every slug identifier (<see cref="PlanId"/>, <see cref="AspectId"/>, ...) accepts or rejects.</summary>
internal static class SlugTexts
{
    public static IReadOnlyList<string> Valid { get; } =
    [
        "a",
        "0",
        "a1",
        "yrd-2024-2026",
        "g60-corridor",
        new string('a', 64),
        string.Join('-', Enumerable.Repeat("ab", 21)) + "c", // 64 characters with separators
    ];

    public static IReadOnlyList<string> Invalid { get; } =
    [
        "",
        " ",
        "A",
        "Yrd-2024",
        "a_b",
        "a.b",
        "-a",
        "a-",
        "a--b",
        "a b",
        " a",
        "a ",
        "a\tb",
        "a\n",
        "a\u0000",
        "\u00a0a",
        "a\u200bb",
        new string('a', 65),
        "\uff41", // fullwidth 'a'
        "a\uff13", // fullwidth '3'
        "a\u0663", // Arabic-Indic '3'
        "\u00e9",
        "计划",
    ];

    public static IReadOnlyList<string> Ordered { get; } = ["0", "a", "a-b", "a1", "a10", "a2", "b"];
}
