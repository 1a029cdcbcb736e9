using CarbonLedger.Domain.Quantities;

namespace CarbonLedger.Domain.Compliance;

/// <summary>
/// A unit category's benchmarks in an allocation plan (domain.md §4.2): tCO2 per MWh of power and tCO2 per
/// GJ of heat, with the digits as published.
/// </summary>
public sealed record AllocationBenchmark(string Category, Scaled PowerPerMwh, Scaled HeatPerGj);
