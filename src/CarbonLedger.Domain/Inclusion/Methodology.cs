using System.Numerics;
using CarbonLedger.Domain.Quantities;

namespace CarbonLedger.Domain.Inclusion;

/// <summary>
/// One version of a 碳普惠 methodology (domain.md §7.3): the activity it counts, its unit, the baseline and
/// project emission factors in grams CO2e per unit (reduction = activity × (baseline − project)), the most one
/// record may plausibly claim, and its source. A change is a new version; scenarios pin the version they use.
/// </summary>
/// <param name="Id">The methodology, e.g. <c>METRO</c>, <c>ROOFTOP-PV</c>.</param>
/// <param name="Version">1, 2, …</param>
/// <param name="Unit">The activity unit (pkm, kWh, trip).</param>
/// <param name="BaselineGramsPerUnit">What the displaced alternative emits per unit (a car: 200 g/pkm).</param>
/// <param name="ProjectGramsPerUnit">What the low-carbon behaviour emits per unit (the metro: 40 g/pkm).</param>
/// <param name="MaxActivityPerRecord">Above this a record is implausible and refused.</param>
/// <param name="Source">Where the factors come from.</param>
public sealed record Methodology(
    string Id, int Version, string Unit, Scaled BaselineGramsPerUnit, Scaled ProjectGramsPerUnit,
    Scaled MaxActivityPerRecord, string Source)
{
    /// <summary>The id a record and a trace name, e.g. <c>METRO/v1</c>.</summary>
    public string Key => $"{Id}/v{Version}";

    /// <summary>
    /// The reduction of <paramref name="activity"/> units in grams: activity × (baseline − project), exact, rounded
    /// once half-up to the gram (never negative: a methodology whose project emits more credits nothing).
    /// </summary>
    public long ReductionGrams(Scaled activity)
    {
        (BigInteger n, BigInteger d) = Scaled.Product(activity, BaselineGramsPerUnit - ProjectGramsPerUnit);
        return Math.Max(0, Rounding.DivideHalfUp(n, d));
    }
}
