namespace CarbonLedger.Engine.Workflows;

/// <summary>
/// The outcome of a workflow step: the rejection (or none), whether the same command was already applied
/// under its key (nothing appended again), the stream version after it, and the events it appended.
/// </summary>
public sealed record WorkflowResult<TRejection>(
    TRejection Rejection, bool AlreadyApplied, long Version, IReadOnlyList<object> Events)
    where TRejection : struct, Enum
{
    /// <summary>True when the step was accepted (now or earlier).</summary>
    public bool IsAccepted => Convert.ToInt32(Rejection, System.Globalization.CultureInfo.InvariantCulture) == 0;
}
