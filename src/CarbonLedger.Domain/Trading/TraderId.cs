namespace CarbonLedger.Domain.Trading;

/// <summary>
/// The trading entity behind an order, as a dense number (one trading account per entity, domain.md §2.1).
/// The matching core only compares it, for self-trade prevention and ownership of cancels and amends.
/// </summary>
public readonly record struct TraderId(int Value)
{
    /// <summary>The number.</summary>
    public override string ToString() => Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
