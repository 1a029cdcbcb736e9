namespace CarbonLedger.Domain.Compliance;

/// <summary>
/// Why the compliance workflow refused a step. Declared in <b>check-precedence order</b> (values, the
/// record's existence, who may act, then state and rules); numbers are stable and listed in
/// docs/reference/rejections.md.
/// </summary>
public enum ComplianceRejection
{
    /// <summary>Not rejected.</summary>
    None = 0,

    /// <summary>The idempotency key was used earlier for a different command (the host checks it first).</summary>
    IdempotencyKeyConflict = 3001,

    /// <summary>A quantity of zero or less (surrender) or a negative emissions or allocation figure.</summary>
    QuantityMustBePositive = 3101,

    /// <summary>A deadline extension or penalty without a reason.</summary>
    ReasonRequired = 3102,

    /// <summary>A request id already used in this record for a different request.</summary>
    RequestIdReused = 3103,

    /// <summary>An offset must name the serial block it surrenders, one serial per tonne.</summary>
    OffsetSerialsRequired = 3104,

    /// <summary>No obligation is set for this enterprise and year.</summary>
    NoObligation = 3201,

    /// <summary>Only the regulator sets obligations, extends deadlines, closes, forces and assesses.</summary>
    NotRegulator = 3202,

    /// <summary>Only the enterprise's own actor surrenders for it.</summary>
    NotObligedEnterprise = 3203,

    /// <summary>The obligation is already set.</summary>
    ObligationAlreadySet = 3301,

    /// <summary>The record is closed (after the deadline): only forced surrender and penalties follow.</summary>
    ComplianceClosed = 3302,

    /// <summary>The deadline (Asia/Shanghai) has passed and no extension covers this time.</summary>
    DeadlinePassed = 3303,

    /// <summary>Closing before the deadline, or with surrenders still in flight.</summary>
    DeadlineNotReached = 3304,

    /// <summary>The record is still open: penalties are assessed after closing.</summary>
    ComplianceOpen = 3305,

    /// <summary>The instrument is neither this year's allowance programme nor an eligible offset programme.</summary>
    InstrumentIneligible = 3306,

    /// <summary>An allowance vintage outside the year's eligible window.</summary>
    VintageIneligible = 3307,

    /// <summary>An offset from a project inside a covered boundary (ETS, CCER double counting).</summary>
    OffsetFromCoveredBoundary = 3308,

    /// <summary>Offsets beyond the year's cap (share of the obligation; combined across offset programmes).</summary>
    OffsetCapExceeded = 3309,

    /// <summary>More than the obligation still open (surrendered and in-flight requests counted).</summary>
    SurrenderExceedsObligation = 3310,

    /// <summary>No shortfall to penalise, or the penalty is already assessed.</summary>
    NothingToPenalise = 3311,

    /// <summary>The fine or multiple is outside the year's penalty rule.</summary>
    PenaltyOutsideRule = 3312,

    /// <summary>The completion names no request in flight.</summary>
    RequestUnknown = 3313,
}
