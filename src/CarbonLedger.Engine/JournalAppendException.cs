namespace CarbonLedger.Engine;

/// <summary>
/// The batch holding this command could not be made durable, so the command was not acknowledged and
/// the ledger holds no trace of it. Safe to retry with the same idempotency key.
/// </summary>
public sealed class JournalAppendException : Exception
{
    /// <summary>Creates the exception.</summary>
    public JournalAppendException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public JournalAppendException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public JournalAppendException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
