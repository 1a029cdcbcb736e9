using CarbonLedger.Domain.Quantities;

namespace CarbonLedger.Domain.Compliance;

/// <summary>
/// A generating unit's output for a year, the basis of its allocation (domain.md §4.1): power (net supply
/// or generation, per the plan), heat supplied, and the product of its correction factors (cooling, load…).
/// </summary>
public sealed record UnitOutput(string Unit, string Category, Scaled PowerMwh, Scaled HeatGj, Scaled Correction);
