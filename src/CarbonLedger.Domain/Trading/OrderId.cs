namespace CarbonLedger.Domain.Trading;

/// <summary>
/// A client-chosen order number, unique among the orders resting in one book (the engine assigns them
/// sequentially; the backtesting CSV supplies its own). Must be positive.
/// </summary>
public readonly record struct OrderId(long Value)
{
    /// <summary>The number.</summary>
    public override string ToString() => Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
