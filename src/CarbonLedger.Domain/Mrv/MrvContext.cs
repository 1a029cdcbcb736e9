using System.Collections.Immutable;
using CarbonLedger.Domain.Identity;
using NodaTime;

namespace CarbonLedger.Domain.Mrv;

/// <summary>
/// What a report decision reads besides the report: the factor library, the market's zone (deadlines), the
/// regulator actors, and whether the year counts indirect emissions (from the year's compliance rules).
/// </summary>
public sealed record MrvContext(
    FactorLibrary Factors, DateTimeZone Zone, ImmutableHashSet<ActorId> Regulators, bool IndirectInScope);
