using System.Collections.Immutable;
using CarbonLedger.Domain.Identity;
using CarbonLedger.Domain.Mrv;
using NodaTime;

namespace CarbonLedger.Domain.Compliance;

/// <summary>
/// The rule data of MRV and compliance: the factor library, each compliance year's rules and allocation plan
/// (latest version wins; earlier versions stay for the record), the regulator actors, the projects inside
/// covered boundaries, and the market's zone. Immutable; a new version of anything is a new rule book.
/// </summary>
public sealed record ComplianceRuleBook(
    FactorLibrary Factors, ImmutableDictionary<int, ComplianceRules> Years,
    ImmutableDictionary<int, AllocationPlan> Plans, ImmutableHashSet<ActorId> Regulators,
    ImmutableHashSet<string> CoveredProjects, DateTimeZone Zone)
{
    /// <summary>A rule book with <paramref name="rules"/> for its year (a higher version replaces a lower).</summary>
    public ComplianceRuleBook With(ComplianceRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        if (Years.TryGetValue(rules.Year, out ComplianceRules? current) && current.Version >= rules.Version)
        {
            throw new ArgumentException(
                $"compliance rules {rules.Year} v{rules.Version} do not supersede v{current.Version}");
        }

        return this with { Years = Years.SetItem(rules.Year, rules) };
    }

    /// <summary>A rule book with <paramref name="plan"/> for its year (a higher version replaces a lower).</summary>
    public ComplianceRuleBook With(AllocationPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (Plans.TryGetValue(plan.Year, out AllocationPlan? current) && current.Version >= plan.Version)
        {
            throw new ArgumentException(
                $"allocation plan {plan.Year} v{plan.Version} does not supersede v{current.Version}");
        }

        return this with { Plans = Plans.SetItem(plan.Year, plan) };
    }

    /// <summary>
    /// The MRV context of <paramref name="year"/> (indirect emissions count unless the year's rules say not).
    /// </summary>
    public MrvContext MrvFor(int year) => new(
        Factors, Zone, Regulators, !Years.TryGetValue(year, out ComplianceRules? rules) || rules.IndirectInScope);

    /// <summary>The compliance context of <paramref name="year"/>; false when the year has no rules.</summary>
    public bool TryComplianceFor(int year, out ComplianceContext context)
    {
        context = null!;
        if (!Years.TryGetValue(year, out ComplianceRules? rules))
        {
            return false;
        }

        context = new ComplianceContext(rules, Zone, Regulators, CoveredProjects);
        return true;
    }
}
