using CarbonLedger.Domain.Quantities;

namespace CarbonLedger.Domain.Inclusion;

/// <summary>
/// SHCER issuance of one scenario period (domain.md §7.3, scenario 13): the grams carried from the previous
/// period plus the period's confirmed grams become whole tonnes, and the remainder is carried exactly, so
/// carried + period = tonnes × 1,000,000 + carry, always.
/// </summary>
public readonly record struct PeriodIssuance(long CarriedInGrams, long PeriodGrams, long Tonnes, long CarryOutGrams)
{
    /// <summary>The issuance of <paramref name="periodGrams"/> on top of <paramref name="carriedInGrams"/>.</summary>
    public static PeriodIssuance Of(long carriedInGrams, long periodGrams)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(carriedInGrams);
        ArgumentOutOfRangeException.ThrowIfNegative(periodGrams);
        (long tonnes, long carry) = Rounding.SplitWhole(checked(carriedInGrams + periodGrams), Co2e.GramsPerTonne);
        return new PeriodIssuance(carriedInGrams, periodGrams, tonnes, carry);
    }
}
