using System.Collections.Immutable;
using CarbonLedger.Domain.Identity;
using CarbonLedger.Domain.Quantities;

namespace CarbonLedger.Domain.Mrv;

/// <summary>
/// The approved monitoring plan (data quality control plan, domain.md §5.2) of one enterprise for one year:
/// who reports, which months are monitored (a facility that starts mid-year has fewer), the fuels and their
/// plausibility bounds, the grid whose factor applies to purchased electricity, and the electricity bound.
/// </summary>
public sealed record MonitoringPlan(
    string Enterprise, int Year, ActorId Reporter, int FirstMonth, int LastMonth, ImmutableArray<PlannedFuel> Fuels,
    string Grid, Scaled MaxMonthlyElectricityMwh)
{
    /// <summary>True when <paramref name="month"/> is monitored.</summary>
    public bool Covers(int month) => month >= FirstMonth && month <= LastMonth;

    /// <summary>The planned fuel with this code.</summary>
    public bool TryFuel(string fuel, out PlannedFuel planned)
    {
        foreach (PlannedFuel f in Fuels)
        {
            if (f.Fuel == fuel)
            {
                planned = f;
                return true;
            }
        }

        planned = null!;
        return false;
    }
}
