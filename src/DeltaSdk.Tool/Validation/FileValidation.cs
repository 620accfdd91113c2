using DeltaSdk.Validation;

namespace DeltaSdk.Tool.Validation;

/// <summary>The outcome for one file: its report, or why it could not be read.</summary>
/// <param name="File">The file.</param>
/// <param name="Report">The validation report; <see langword="null"/> when the file could not be read.</param>
/// <param name="ReadError">Why the file could not be read; <see langword="null"/> when it was.</param>
internal sealed record FileValidation(InputFile File, ValidationReport? Report, string? ReadError);
