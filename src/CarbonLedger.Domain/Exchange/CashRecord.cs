namespace CarbonLedger.Domain.Exchange;

/// <summary>
/// One account's cash in fen (decision 0009): everything it holds, what open buy orders and bids hold, and
/// today's net sale proceeds (not withdrawable before the next trading day). Purchases and holds use the
/// proceeds first, so withdrawable = total − max(locked, proceeds).
/// </summary>
internal struct CashRecord
{
    public long Total;
    public long Locked;
    public long Proceeds;

    /// <summary>What may be held for a new purchase.</summary>
    public readonly long Usable => Total - Locked;

    /// <summary>What may leave to the bank.</summary>
    public readonly long Withdrawable => Total - Math.Max(Locked, Proceeds);
}
