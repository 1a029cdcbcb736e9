using CarbonLedger.Domain.Quantities;

namespace CarbonLedger.Domain.Inclusion;

/// <summary>
/// The points redemption table for individuals (domain.md §7.3 Art. 29): one point per
/// <paramref name="GramsPerPoint"/> grams of reduction. Grams short of a point stay with the person for the next
/// behaviour, so no gram is lost or created; points are whole and never negative.
/// </summary>
public sealed record PointsRule(long GramsPerPoint)
{
    /// <summary>
    /// Points for <paramref name="grams"/> on top of <paramref name="pendingGrams"/>, and what remains.
    /// </summary>
    public (long Points, long PendingGrams) Credit(long pendingGrams, long grams)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(pendingGrams);
        ArgumentOutOfRangeException.ThrowIfNegative(grams);
        (long points, long rest) = Rounding.SplitWhole(checked(pendingGrams + grams), GramsPerPoint);
        return (points, rest);
    }
}
