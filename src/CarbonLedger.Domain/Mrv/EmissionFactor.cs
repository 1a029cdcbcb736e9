using CarbonLedger.Domain.Quantities;
using NodaTime;

namespace CarbonLedger.Domain.Mrv;

/// <summary>
/// One version of a published parameter: the grid factor for a reporting year, or a fuel's default NCV,
/// carbon content or oxidation rate. A correction is a new version, never an edit, so a report computed with
/// version 1 still shows (and re-computes to) what version 1 said. <see cref="Id"/> is what a calculation
/// trace records.
/// </summary>
/// <param name="Kind">What the value measures.</param>
/// <param name="Subject">The grid (e.g. <c>CN-GRID</c>) or the fuel code (e.g. <c>COAL-BITUMINOUS</c>).</param>
/// <param name="ReportingYear">The emissions year the value is for.</param>
/// <param name="Version">1, 2, …: each correction adds one.</param>
/// <param name="Value">The value, with the digits as published.</param>
/// <param name="Unit">The unit as published (tCO2/MWh, GJ/t, tC/GJ, 1).</param>
/// <param name="Source">Where it was published (document, table, date).</param>
/// <param name="Basis">Published defaults are <see cref="ParameterBasis.Default"/>.</param>
/// <param name="PublishedOn">From this date (Asia/Shanghai) a new calculation may use it.</param>
public sealed record EmissionFactor(
    FactorKind Kind, string Subject, int ReportingYear, int Version, Scaled Value, string Unit, string Source,
    ParameterBasis Basis, LocalDate PublishedOn)
{
    /// <summary>The stable id a trace records, e.g. <c>GridEmission/CN-GRID/2022/v1</c>.</summary>
    public string Id => $"{Kind}/{Subject}/{ReportingYear}/v{Version}";
}
