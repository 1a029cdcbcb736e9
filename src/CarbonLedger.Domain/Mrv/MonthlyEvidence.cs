using System.Collections.Immutable;
using CarbonLedger.Domain.Quantities;

namespace CarbonLedger.Domain.Mrv;

/// <summary>
/// A month's monitoring data (月度信息化存证, domain.md §5.2): fuel lines, purchased electricity, generation
/// and heat supplied. Generation and heat are not emissions; they are the outputs allocation uses.
/// </summary>
/// <param name="Month">1–12 of the report's year.</param>
/// <param name="Fuels">One line per fuel of the monitoring plan burned that month.</param>
/// <param name="PurchasedElectricityMwh">AD_elec, MWh.</param>
/// <param name="GenerationMwh">Net supply or generation, MWh (per the year's allocation basis).</param>
/// <param name="HeatSuppliedGj">Heat supplied, GJ.</param>
public sealed record MonthlyEvidence(
    int Month, ImmutableArray<FuelLine> Fuels, Scaled PurchasedElectricityMwh, Scaled GenerationMwh,
    Scaled HeatSuppliedGj);
