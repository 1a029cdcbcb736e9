using CarbonLedger.Domain.Identity;
using NodaTime;

namespace CarbonLedger.Domain.Mrv;

/// <summary>A step asked of an emission report, by <paramref name="Actor"/> (authenticated by the host) at
/// <paramref name="At"/> (the engine's clock).</summary>
public abstract record ReportCommand(ActorId Actor, Instant At);

/// <summary>The regulator approves the monitoring plan, which opens the report.</summary>
public sealed record ApproveMonitoringPlan(MonitoringPlan Plan, ActorId Actor, Instant At) : ReportCommand(Actor, At);

/// <summary>The reporter submits a month's evidence; parameters left null take the library defaults.</summary>
public sealed record SubmitMonthlyEvidence(MonthlyEvidence Evidence, ActorId Actor, Instant At)
    : ReportCommand(Actor, At);

/// <summary>The reporter submits the annual report, computed from the recorded evidence.</summary>
public sealed record SubmitAnnualReport(ActorId Actor, Instant At) : ReportCommand(Actor, At);

/// <summary>The regulator assigns the verifier.</summary>
public sealed record AssignVerifier(ActorId Verifier, ActorId Actor, Instant At) : ReportCommand(Actor, At);

/// <summary>The assigned verifier adjusts one value of one month, with a reason.</summary>
public sealed record AdjustParameter(
    int Month, string? Fuel, AdjustableParameter Parameter, ParameterValue After, string Reason, ActorId Actor,
    Instant At) : ReportCommand(Actor, At);

/// <summary>The assigned verifier issues the verified emissions.</summary>
public sealed record VerifyEmissions(ActorId Actor, Instant At) : ReportCommand(Actor, At);

/// <summary>The regulator confirms the verified emissions.</summary>
public sealed record ConfirmEmissions(ActorId Actor, Instant At) : ReportCommand(Actor, At);

/// <summary>The regulator restates a confirmed figure, with a reason.</summary>
public sealed record RestateEmissions(long Tonnes, string Reason, ActorId Actor, Instant At) : ReportCommand(Actor, At);
