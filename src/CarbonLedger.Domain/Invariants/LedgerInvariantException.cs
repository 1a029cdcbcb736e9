namespace CarbonLedger.Domain.Invariants;

/// <summary>
/// A programmer error: an internal invariant of the ledger does not hold. Never a business rejection
/// (those are <see cref="Registry.LedgerRejection"/> values); nothing catches it but the outermost host.
/// </summary>
public sealed class LedgerInvariantException : Exception
{
    /// <summary>Creates the exception.</summary>
    public LedgerInvariantException()
    {
    }

    /// <summary>Creates the exception with the broken invariant described.</summary>
    public LedgerInvariantException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a cause.</summary>
    public LedgerInvariantException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
