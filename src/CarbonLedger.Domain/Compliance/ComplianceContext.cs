using System.Collections.Immutable;
using CarbonLedger.Domain.Identity;
using NodaTime;

namespace CarbonLedger.Domain.Compliance;

/// <summary>
/// What a compliance decision reads besides the record: the year's rules, the market's zone, the regulator
/// actors, and the projects inside covered boundaries (whose credits may not offset: domain.md §4.5, I5).
/// </summary>
public sealed record ComplianceContext(
    ComplianceRules Rules, DateTimeZone Zone, ImmutableHashSet<ActorId> Regulators,
    ImmutableHashSet<string> CoveredProjects);
