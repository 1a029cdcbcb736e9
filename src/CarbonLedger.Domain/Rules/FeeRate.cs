using CarbonLedger.Domain.Quantities;

namespace CarbonLedger.Domain.Rules;

/// <summary>
/// One side's fee in one trading mode: basis points of traded value with a minimum and a maximum per
/// order (decision 0009: per order, so that a hold can always cover the most an order can owe).
/// </summary>
public readonly record struct FeeRate
{
    /// <summary>Creates a rate; the minimum may not exceed the maximum.</summary>
    public FeeRate(int basisPoints, Money minimum, Money maximum)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(basisPoints);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(basisPoints, 10_000);
        ArgumentOutOfRangeException.ThrowIfNegative(minimum.Fen);
        ArgumentOutOfRangeException.ThrowIfLessThan(maximum.Fen, minimum.Fen);
        BasisPoints = basisPoints;
        Minimum = minimum;
        Maximum = maximum;
    }

    /// <summary>Fee per 10,000 of traded value.</summary>
    public int BasisPoints { get; }

    /// <summary>The least an order that traded at all pays.</summary>
    public Money Minimum { get; }

    /// <summary>The most one order pays, however much it trades.</summary>
    public Money Maximum { get; }

    /// <summary>No fee.</summary>
    public static FeeRate Free => new(0, Money.Zero, Money.Zero);

    /// <summary>
    /// The fee of an order that has traded <paramref name="tradedFen"/> in total: zero before any trade, else
    /// round-half-up(value × bps / 10⁴) clamped to [minimum, maximum]. Monotone in the value, so the
    /// increments itemised on successive trades are never negative.
    /// </summary>
    public long FeeFor(long tradedFen)
    {
        if (tradedFen <= 0)
        {
            return 0;
        }

        long fee = Rounding.MultiplyDivideHalfUp(tradedFen, BasisPoints, 10_000);
        return Math.Clamp(fee, Minimum.Fen, Maximum.Fen);
    }

    /// <summary><c>5 bps, min CNY 1.00, max CNY 10000.00</c>.</summary>
    public override string ToString() => $"{BasisPoints} bps, min {Minimum}, max {Maximum}";
}
