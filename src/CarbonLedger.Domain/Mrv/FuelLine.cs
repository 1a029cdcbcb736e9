using CarbonLedger.Domain.Quantities;

namespace CarbonLedger.Domain.Mrv;

/// <summary>
/// One fuel's monthly evidence: consumption FC and the three parameters of E = FC × NCV × CC × OF × 44/12.
/// A parameter the enterprise did not measure is left null in the submission and filled in from the
/// library's default (in force on the submission date) before the evidence is recorded, so the recorded line
/// always pins every value it will be computed with.
/// </summary>
/// <param name="Fuel">The fuel code of the monitoring plan (and of the library's defaults).</param>
/// <param name="Consumption">FC, in the plan's unit for this fuel (t, or 10⁴ Nm³ for gas).</param>
/// <param name="NetCalorificValue">NCV, GJ per unit.</param>
/// <param name="CarbonContent">CC, tC/GJ.</param>
/// <param name="OxidationRate">OF, a fraction.</param>
public sealed record FuelLine(
    string Fuel, Scaled Consumption, ParameterValue? NetCalorificValue, ParameterValue? CarbonContent,
    ParameterValue? OxidationRate)
{
    /// <summary>True when all three parameters are present (measured or filled from defaults).</summary>
    public bool IsResolved => NetCalorificValue is not null && CarbonContent is not null && OxidationRate is not null;
}
