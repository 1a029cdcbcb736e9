using CarbonLedger.Domain.Credits;
using CarbonLedger.Domain.Identity;
using CarbonLedger.Domain.Inclusion;
using CarbonLedger.Domain.Instruments;
using NodaTime;

namespace CarbonLedger.Engine.Inclusion;

/// <summary>A confirmed scenario period: its grams, carry in and out, tonnes and the SHCER block issued.</summary>
public sealed record ScenarioIssuance(
    string Scenario, DateInterval Period, PeriodIssuance Issuance, InstrumentId Instrument, SerialRange? Serials,
    long LedgerSequence, ActorId Regulator, Instant At);
