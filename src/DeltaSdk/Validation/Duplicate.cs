namespace DeltaSdk.Validation;

/// <summary>A later occurrence of an identifier: where it is, its text, and where the identifier was first used.</summary>
internal readonly record struct Duplicate(PathRef Path, string Value, PathRef First);
