using CarbonLedger.Domain.Quantities;

namespace CarbonLedger.Domain.Exchange;

/// <summary>
/// An account's cash by bucket: <see cref="Withdrawable"/> + <see cref="Locked"/> + <see cref="Unwithdrawable"/>
/// = <see cref="Total"/>. Locked is held for open buy orders and bids; unwithdrawable is today's sale proceeds
/// not yet used (usable for buying today, withdrawable from the next trading day).
/// </summary>
public readonly record struct CashBalance(Money Total, Money Locked, Money Proceeds)
{
    /// <summary>Cash that may leave to the bank.</summary>
    public Money Withdrawable => new(Total.Fen - Math.Max(Locked.Fen, Proceeds.Fen));

    /// <summary>Today's proceeds not held and not withdrawable yet.</summary>
    public Money Unwithdrawable => new(Math.Max(0, Proceeds.Fen - Locked.Fen));

    /// <summary>Cash a new buy order may hold.</summary>
    public Money Usable => Total - Locked;
}
