using CarbonLedger.Domain.Quantities;

namespace CarbonLedger.Domain.Compliance;

/// <summary>
/// How a shortfall is penalised (domain.md §4.6), one of two shapes: a fixed fine within a range (2021
/// Measures: CNY 20,000–30,000), or a multiple of the average market price of the month before the deadline
/// times the shortfall (2024 Regulations: 5–10×). The regulator picks the amount or multiple inside the range;
/// the range is the rule.
/// </summary>
/// <param name="MinimumFine">Fixed-fine rule: the least fine; null for a price-multiple rule.</param>
/// <param name="MaximumFine">Fixed-fine rule: the greatest fine.</param>
/// <param name="MinimumMultiple">Price-multiple rule: the least multiple; null for a fixed-fine rule.</param>
/// <param name="MaximumMultiple">Price-multiple rule: the greatest multiple.</param>
public sealed record PenaltyRule(Money? MinimumFine, Money? MaximumFine, int? MinimumMultiple, int? MaximumMultiple)
{
    /// <summary>A fixed fine between <paramref name="minimum"/> and <paramref name="maximum"/>.</summary>
    public static PenaltyRule FixedFine(Money minimum, Money maximum) => new(minimum, maximum, null, null);

    /// <summary>
    /// A multiple in [<paramref name="minimum"/>, <paramref name="maximum"/>] × average price × shortfall.
    /// </summary>
    public static PenaltyRule PriceMultiple(int minimum, int maximum) => new(null, null, minimum, maximum);

    /// <summary>True for the price-multiple shape.</summary>
    public bool IsPriceMultiple => MinimumMultiple is not null;
}
