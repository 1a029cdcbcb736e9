using System.Collections.Immutable;
using NodaTime;

namespace CarbonLedger.Domain.Inclusion;

/// <summary>
/// Checks a platform's batch line by line in <see cref="InclusionRejection"/>'s order and computes each good
/// record's reduction in grams with its scenario's pinned methodology version. Pure; the store then records the
/// accepted ones and refuses those another batch (of any platform) recorded first.
/// </summary>
public static class BatchValidator
{
    /// <summary>The longest behaviour or person id accepted.</summary>
    public const int MaxIdLength = 64;

    /// <summary>
    /// Validates <paramref name="lines"/> submitted by <paramref name="platform"/> for <paramref name="period"/>
    /// (dates in <paramref name="zone"/>); <paramref name="isRegistered"/> says whether a person is registered
    /// with the platform.
    /// </summary>
    public static BatchDecision Validate(string platform, DateInterval period, IReadOnlyList<BatchLine> lines,
        InclusionRules rules, DateTimeZone zone, Func<string, bool> isRegistered)
    {
        ArgumentNullException.ThrowIfNull(period);
        ArgumentNullException.ThrowIfNull(lines);
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(isRegistered);
        var accepted = ImmutableArray.CreateBuilder<AcceptedBehaviour>(lines.Count);
        var refused = ImmutableArray.CreateBuilder<RefusedBehaviour>();
        var seen = new HashSet<string>(lines.Count, StringComparer.Ordinal);
        foreach (BatchLine line in lines)
        {
            if (line.Record is not { } r)
            {
                refused.Add(new RefusedBehaviour(line.Position, null, InclusionRejection.Malformed,
                    line.ParseError ?? "unreadable"));
                continue;
            }

            (InclusionRejection code, string detail, Methodology? methodology) =
                Check(platform, period, r, rules, zone, isRegistered);
            if (code == InclusionRejection.None && !seen.Add(r.BehaviourId))
            {
                (code, detail) = (InclusionRejection.DuplicateInBatch, $"behaviour {r.BehaviourId} appears earlier");
            }

            if (code != InclusionRejection.None)
            {
                refused.Add(new RefusedBehaviour(line.Position, r.BehaviourId, code, detail));
                continue;
            }

            accepted.Add(new AcceptedBehaviour(line.Position, r, methodology!.Key,
                methodology.ReductionGrams(r.Activity), r.At.InZone(zone).Date));
        }

        return new BatchDecision(accepted.ToImmutable(), refused.ToImmutable());
    }

    private static (InclusionRejection, string, Methodology?) Check(string platform, DateInterval period,
        BehaviourRecord r, InclusionRules rules, DateTimeZone zone, Func<string, bool> isRegistered)
    {
        if (!ValidId(r.BehaviourId) || !ValidId(r.Person))
        {
            return (InclusionRejection.IdentifierInvalid, $"ids must be 1-{MaxIdLength} characters", null);
        }

        if (r.Activity.IsNegative)
        {
            return (InclusionRejection.ActivityNegative, $"activity {r.Activity} is negative", null);
        }

        if (!rules.Scenarios.TryGetValue(r.Scenario, out BehaviourScenario? scenario))
        {
            return (InclusionRejection.ScenarioUnknown, $"scenario {r.Scenario} is unknown", null);
        }

        if (scenario.Platform != platform)
        {
            return (InclusionRejection.ScenarioOfAnotherPlatform,
                $"scenario {r.Scenario} is operated by {scenario.Platform}", null);
        }

        if (!isRegistered(r.Person))
        {
            return (InclusionRejection.PersonUnknown, $"person {r.Person} is not registered with {platform}", null);
        }

        Methodology methodology = rules.MethodologyOf(scenario);
        if (r.Activity.CompareValue(methodology.MaxActivityPerRecord) > 0)
        {
            return (InclusionRejection.ActivityImplausible,
                $"activity {r.Activity} {methodology.Unit} above {methodology.MaxActivityPerRecord}", null);
        }

        LocalDate date = r.At.InZone(zone).Date;
        if (!period.Contains(date))
        {
            return (InclusionRejection.OutsidePeriod, $"{date:uuuu-MM-dd} is outside {period}", null);
        }

        return r.Site is { } site && rules.CoveredSites.Contains(site)
            ? (InclusionRejection.InsideCoveredBoundary, $"site {site} is inside a covered boundary", null)
            : (InclusionRejection.None, "", methodology);
    }

    private static bool ValidId(string? id) => !string.IsNullOrWhiteSpace(id) && id.Length <= MaxIdLength;
}
