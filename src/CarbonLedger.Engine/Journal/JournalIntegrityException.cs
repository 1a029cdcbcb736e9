namespace CarbonLedger.Engine.Journal;

/// <summary>
/// The journal does not hold what it should: a broken hash-chain link, a sequence gap, or a replayed
/// state that differs from a checkpoint. The engine refuses to start on such a journal; a regulator's
/// <c>audit verify</c> reports the first broken link.
/// </summary>
public sealed class JournalIntegrityException : Exception
{
    /// <summary>Creates the exception.</summary>
    public JournalIntegrityException()
    {
    }

    /// <summary>Creates the exception with a description of the break.</summary>
    public JournalIntegrityException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a cause.</summary>
    public JournalIntegrityException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
