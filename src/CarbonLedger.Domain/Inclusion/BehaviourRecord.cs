using CarbonLedger.Domain.Quantities;
using NodaTime;

namespace CarbonLedger.Domain.Inclusion;

/// <summary>
/// One behaviour as a platform reports it: a behaviour id unique across every platform, the pseudonymous
/// person, the scenario, the activity in the methodology's unit, when it happened, and, for installations such as
/// rooftop PV, the site it happened at (checked against covered boundaries: no double counting).
/// </summary>
public sealed record BehaviourRecord(
    string BehaviourId, string Person, string Scenario, Scaled Activity, Instant At, string? Site = null);
