using CarbonLedger.Domain.Quantities;

namespace CarbonLedger.Domain.Mrv;

/// <summary>
/// A fuel the monitoring plan covers: its code, the unit its consumption is reported in, and the most a month
/// may plausibly burn (above it the evidence is held for review, not counted).
/// </summary>
public sealed record PlannedFuel(string Fuel, string Unit, Scaled MaxMonthlyConsumption);
