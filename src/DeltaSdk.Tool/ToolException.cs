namespace DeltaSdk.Tool;

/// <summary>
/// A failure the user can fix (a missing file, a bad value, a server that refuses): printed as its message, without a
/// stack trace, and turned into <see cref="ExitCodes.UsageOrIo"/>.
/// </summary>
internal sealed class ToolException : Exception
{
    /// <summary>Initializes a new instance with a message that names what failed, where, and how to fix it.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause, kept for debugging; never printed.</param>
    public ToolException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
