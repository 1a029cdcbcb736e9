using System.Collections.Immutable;
using CarbonLedger.Domain.Quantities;

namespace CarbonLedger.Domain.Rules;

/// <summary>
/// One version of the order rules for one trading mode (domain.md §2, §10.4). Every number here is data in
/// the <see cref="RuleBook"/>, effective-dated, never a constant in the matching code.
/// </summary>
public sealed record MarketRules
{
    /// <summary>Creates a rule version, checking that the numbers are coherent.</summary>
    public MarketRules(
        string version,
        TradingMode mode,
        Price tick,
        Co2e lot,
        Co2e minimumQuantity,
        Co2e maximumQuantity,
        int bandBasisPoints,
        ImmutableArray<SessionWindow> sessions,
        int pickDepthLevels)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(version);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(tick.FenPerTonne);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(lot.Grams);
        if (!lot.IsWholeTonnes)
        {
            // Registry units are whole tonnes: a fractional lot would let fills round past their hold.
            throw new ArgumentException($"the lot {lot} is not a whole number of tonnes", nameof(lot));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(minimumQuantity.Grams, lot.Grams);
        ArgumentOutOfRangeException.ThrowIfLessThan(maximumQuantity.Grams, minimumQuantity.Grams);
        ArgumentOutOfRangeException.ThrowIfNegative(bandBasisPoints);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(bandBasisPoints, 10_000);
        ArgumentOutOfRangeException.ThrowIfNegative(pickDepthLevels);
        if (sessions.IsDefault)
        {
            throw new ArgumentException("sessions must be given (possibly empty)", nameof(sessions));
        }

        for (int i = 1; i < sessions.Length; i++)
        {
            if (sessions[i].Start < sessions[i - 1].End)
            {
                throw new ArgumentException(
                    $"session windows overlap or are unordered: {sessions[i - 1]}, {sessions[i]}");
            }
        }

        Version = version;
        Mode = mode;
        Tick = tick;
        Lot = lot;
        MinimumQuantity = minimumQuantity;
        MaximumQuantity = maximumQuantity;
        BandBasisPoints = bandBasisPoints;
        Sessions = sessions;
        PickDepthLevels = pickDepthLevels;
    }

    /// <summary>The name of this version, recorded with everything decided under it.</summary>
    public string Version { get; }

    /// <summary>The trading mode these rules govern.</summary>
    public TradingMode Mode { get; }

    /// <summary>Minimum price increment (SEEE: 0.01 CNY = 1 fen per tonne).</summary>
    public Price Tick { get; }

    /// <summary>Quantity increment (SEEE: 1 t).</summary>
    public Co2e Lot { get; }

    /// <summary>Smallest order quantity (inclusive).</summary>
    public Co2e MinimumQuantity { get; }

    /// <summary>Largest order quantity, inclusive (listed: 99,999 t, as listed orders are &lt; 100,000 t).</summary>
    public Co2e MaximumQuantity { get; }

    /// <summary>Half-width of the band around the previous close, in basis points (listed 1,000 = ±10%).</summary>
    public int BandBasisPoints { get; }

    /// <summary>Trading windows in the market's local time, ordered and disjoint.</summary>
    public ImmutableArray<SessionWindow> Sessions { get; }

    /// <summary>How many best opposite price levels a listed-agreement pick may reach into (SEEE: 5).</summary>
    public int PickDepthLevels { get; }

    /// <summary>The band for a day whose previous close is <paramref name="previousClose"/>.</summary>
    public PriceBand BandAround(Price previousClose) => PriceBand.Around(previousClose, BandBasisPoints, Tick);
}
