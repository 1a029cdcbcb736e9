using CarbonLedger.Domain.Quantities;

namespace CarbonLedger.Domain.Rules;

/// <summary>The inclusive range of prices an order may carry on one trading day (涨跌幅限制).</summary>
public readonly record struct PriceBand(Price Lower, Price Upper)
{
    /// <summary>
    /// The band around <paramref name="previousClose"/>: upper = floor(prev × (1 + bps/10⁴)) to the tick,
    /// lower = ceil(prev × (1 − bps/10⁴)) to the tick (domain.md §10.4: rounding inward, so every price in
    /// the band is on the tick and within the percentage).
    /// </summary>
    public static PriceBand Around(Price previousClose, int bandBasisPoints, Price tick)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(previousClose.FenPerTonne);
        ArgumentOutOfRangeException.ThrowIfNegative(bandBasisPoints);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(bandBasisPoints, 10_000);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(tick.FenPerTonne);
        long t = tick.FenPerTonne;
        long upperTicks = Rounding.MultiplyDivideFloor(
            previousClose.FenPerTonne, 10_000L + bandBasisPoints, checked(10_000L * t));
        long lowerTicks = Rounding.MultiplyDivideCeiling(
            previousClose.FenPerTonne, 10_000L - bandBasisPoints, checked(10_000L * t));
        // A band narrower than one tick would leave no valid price; keep at least the tick at or below prev.
        lowerTicks = Math.Max(lowerTicks, 1);
        return new PriceBand(new Price(checked(lowerTicks * t)), new Price(checked(upperTicks * t)));
    }

    /// <summary>True when <paramref name="price"/> is inside the band (both ends inclusive).</summary>
    public bool Contains(Price price) => price >= Lower && price <= Upper;

    /// <summary><c>[72.00/t, 88.00/t]</c>.</summary>
    public override string ToString() => $"[{Lower}, {Upper}]";
}
