namespace CarbonLedger.Domain.Mrv;

/// <summary>
/// Why the emission-report workflow refused a step. Declared in <b>check-precedence order</b> (values, then
/// who may act, then the report's state); numbers are stable and listed in docs/reference/rejections.md.
/// </summary>
public enum MrvRejection
{
    /// <summary>Not rejected.</summary>
    None = 0,

    /// <summary>The idempotency key was used earlier for a different command (the host checks it first).</summary>
    IdempotencyKeyConflict = 2001,

    /// <summary>A month outside 1–12.</summary>
    MonthInvalid = 2101,

    /// <summary>Consumption or purchased electricity below zero.</summary>
    ActivityNegative = 2102,

    /// <summary>A parameter outside its physical range: NCV or CC ≤ 0, OF ≤ 0 or OF &gt; 1.</summary>
    ParameterOutOfRange = 2103,

    /// <summary>A verifier's adjustment or a restatement without a reason.</summary>
    ReasonRequired = 2104,

    /// <summary>The same fuel twice in one month's evidence.</summary>
    FuelRepeated = 2105,

    /// <summary>No monitoring plan is approved for this enterprise and year (the report does not exist).</summary>
    NoMonitoringPlan = 2201,

    /// <summary>Only the regulator approves plans, assigns verifiers, confirms and restates.</summary>
    NotRegulator = 2202,

    /// <summary>Only the plan's reporter submits evidence and the annual report.</summary>
    NotReporter = 2203,

    /// <summary>Only the verifier assigned to this report adjusts and verifies it.</summary>
    VerifierNotAssigned = 2204,

    /// <summary>The report already has an approved monitoring plan.</summary>
    PlanAlreadyApproved = 2301,

    /// <summary>The figure is confirmed: only a regulator's restatement changes it.</summary>
    ReportConfirmed = 2302,

    /// <summary>The annual report is submitted: its evidence changes only through the verifier.</summary>
    ReportAlreadySubmitted = 2303,

    /// <summary>Assigning a verifier, adjusting and verifying need a submitted report.</summary>
    ReportNotSubmitted = 2304,

    /// <summary>Confirmation needs verified emissions.</summary>
    ReportNotVerified = 2305,

    /// <summary>A restatement needs a confirmed figure.</summary>
    ReportNotConfirmed = 2306,

    /// <summary>Evidence or an adjustment for a month the plan does not monitor.</summary>
    MonthOutsidePlan = 2307,

    /// <summary>A fuel the plan does not cover.</summary>
    FuelNotInPlan = 2308,

    /// <summary>The adjustment names a fuel line (or month) the recorded evidence does not have.</summary>
    AdjustmentTargetUnknown = 2309,

    /// <summary>A parameter left to its default, but the library has none in force for this fuel and year.</summary>
    DefaultFactorMissing = 2310,

    /// <summary>No grid factor for the plan's grid and year is in force on the report date.</summary>
    GridFactorMissing = 2311,

    /// <summary>The annual report needs evidence for every month of the plan.</summary>
    EvidenceMissing = 2312,

    /// <summary>
    /// Activity above the plan's plausibility bound: the evidence is kept, held for review, and not counted
    /// (the step records <see cref="EvidenceHeldForReview"/>). Checked last: it is the one rejection that records.
    /// </summary>
    ActivityImplausible = 2313,
}
