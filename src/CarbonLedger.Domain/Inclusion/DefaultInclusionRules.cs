using System.Collections.Immutable;
using CarbonLedger.Domain.Identity;
using CarbonLedger.Domain.Quantities;

namespace CarbonLedger.Domain.Inclusion;

/// <summary>
/// Illustrative 碳普惠 rule data ([I]: the official Shanghai methodology list was not retrieved, domain.md §7.3):
/// the domain.md scenario-13 metro factors (car baseline 200 gCO2/pkm, metro 40), bus, cycling and walking
/// against the same car baseline, new-energy vehicle charging, and rooftop PV at the 2022 East China regional
/// grid average (0.5617 kgCO2/kWh, scenario 14). One point per 100 g for individuals. Data, not code paths: a
/// deployment loads the published methodologies.
/// </summary>
public static class DefaultInclusionRules
{
    /// <summary>The rule book.</summary>
    public static InclusionRules Create()
    {
        var rules = new InclusionRules(ImmutableDictionary<string, Methodology>.Empty,
            ImmutableDictionary<string, BehaviourScenario>.Empty, [], new PointsRule(100));
        rules = rules
            .With(M("METRO", "pkm", "200", "40", "200", "[F] domain.md §10.5 scenario 13 (car 200, metro 40 g/pkm)"))
            .With(M("BUS", "pkm", "200", "60", "200", "[I] illustrative, car baseline as METRO"))
            .With(M("CYCLING", "km", "200", "0", "100", "[I] illustrative, car baseline as METRO"))
            .With(M("WALKING", "km", "200", "0", "50", "[I] illustrative, car baseline as METRO"))
            .With(M("NEV-CHARGING", "kWh", "620", "561.7", "200",
                "[I] illustrative: petrol car equivalent per kWh against the East China grid average"))
            .With(M("ROOFTOP-PV", "kWh", "561.7", "0", "2000000",
                "[F] domain.md §10.5 scenario 14 (0.5617 kgCO2/kWh, 2022 East China regional average)"));
        return rules
            .With(new BehaviourScenario("SH-METRO", "METRO-APP", "METRO", 1, AccountId.Of("SHCER-METRO")))
            .With(new BehaviourScenario("SH-BUS", "METRO-APP", "BUS", 1, AccountId.Of("SHCER-BUS")))
            .With(new BehaviourScenario("SH-CYCLING", "BIKE-APP", "CYCLING", 1, AccountId.Of("SHCER-CYCLING")))
            .With(new BehaviourScenario("SH-WALKING", "BIKE-APP", "WALKING", 1, AccountId.Of("SHCER-WALKING")))
            .With(new BehaviourScenario("SH-NEV", "NEV-APP", "NEV-CHARGING", 1, AccountId.Of("SHCER-NEV")))
            .With(new BehaviourScenario("SH-PV", "PV-PLATFORM", "ROOFTOP-PV", 1, AccountId.Of("SHCER-PV")));
    }

    private static Methodology M(string id, string unit, string baseline, string project, string max, string source) =>
        new(id, 1, unit, Scaled.Parse(baseline), Scaled.Parse(project), Scaled.Parse(max), source);
}
