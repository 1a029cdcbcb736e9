using CarbonLedger.Domain.Identity;

namespace CarbonLedger.Domain.Inclusion;

/// <summary>
/// A behaviour scenario (行为场景) operated by one platform and pinned to one methodology version; its SHCER
/// are issued to <paramref name="Account"/> (the scenario's account), never to individuals, who get points.
/// </summary>
public sealed record BehaviourScenario(
    string Id, string Platform, string MethodologyId, int MethodologyVersion, AccountId Account);
