using System.Collections.Immutable;

namespace CarbonLedger.Domain.Compliance;

/// <summary>The outcome of a compliance step: events to append, or a rejection (and no events).</summary>
public sealed record ComplianceDecision(ComplianceRejection Rejection, ImmutableArray<ComplianceEvent> Events)
{
    /// <summary>True when accepted.</summary>
    public bool IsAccepted => Rejection == ComplianceRejection.None;

    internal static ComplianceDecision Accept(params ComplianceEvent[] events) =>
        new(ComplianceRejection.None, [.. events]);

    internal static ComplianceDecision Reject(ComplianceRejection rejection) => new(rejection, []);
}
