using System.Collections.Immutable;

namespace CarbonLedger.Domain.Inclusion;

/// <summary>
/// The 碳普惠 rule data (domain.md §7): methodology versions, scenarios (each pinned to one version), the sites
/// inside covered boundaries, and the points redemption table. Immutable; a change is a new rule book.
/// </summary>
public sealed record InclusionRules(
    ImmutableDictionary<string, Methodology> Methodologies, ImmutableDictionary<string, BehaviourScenario> Scenarios,
    ImmutableHashSet<string> CoveredSites, PointsRule Points)
{
    /// <summary>The methodology version <paramref name="scenario"/> is pinned to.</summary>
    public Methodology MethodologyOf(BehaviourScenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return Methodologies[$"{scenario.MethodologyId}/v{scenario.MethodologyVersion}"];
    }

    /// <summary>A rule book with <paramref name="methodology"/> (a version is never replaced).</summary>
    public InclusionRules With(Methodology methodology)
    {
        ArgumentNullException.ThrowIfNull(methodology);
        return this with { Methodologies = Methodologies.Add(methodology.Key, methodology) };
    }

    /// <summary>A rule book with <paramref name="scenario"/>, whose methodology version must exist.</summary>
    public InclusionRules With(BehaviourScenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        if (!Methodologies.ContainsKey($"{scenario.MethodologyId}/v{scenario.MethodologyVersion}"))
        {
            throw new ArgumentException($"scenario {scenario.Id} pins " +
                $"{scenario.MethodologyId}/v{scenario.MethodologyVersion}, which is unknown");
        }

        return this with { Scenarios = Scenarios.SetItem(scenario.Id, scenario) };
    }
}
