using System.Collections.Immutable;

namespace CarbonLedger.Domain.Mrv;

/// <summary>
/// The outcome of a report step: the events to append (none when rejected, except the held-for-review record
/// of <see cref="MrvRejection.ActivityImplausible"/>) and the rejection, if any.
/// </summary>
public sealed record ReportDecision(MrvRejection Rejection, ImmutableArray<ReportEvent> Events)
{
    /// <summary>True when the step was accepted.</summary>
    public bool IsAccepted => Rejection == MrvRejection.None;

    internal static ReportDecision Accept(params ReportEvent[] events) => new(MrvRejection.None, [.. events]);

    internal static ReportDecision Reject(MrvRejection rejection) => new(rejection, []);
}
