namespace DeltaSdk.Validation;

/// <summary>Where an entity is in its document, for example <c>$.aspects[{0}].tasks[{1}]</c> with its two indices.</summary>
internal readonly struct EntityPath
{
    public EntityPath(string prefix, int a = 0, int b = 0)
    {
        Prefix = prefix;
        A = a;
        B = b;
    }

    public string Prefix { get; }

    public int A { get; }

    public int B { get; }

    /// <summary>A path below the entity; <paramref name="suffix"/> may use <c>{2}</c> for <paramref name="child"/>.</summary>
    public PathRef At(string suffix, int child = 0) => new(Prefix, suffix, A, B, child);

    public PathRef Self => new(Prefix, string.Empty, A, B);
}
