namespace CarbonLedger.Domain.Inclusion;

/// <summary>
/// Why a behaviour record of a batch was refused (the rest of the batch is kept). Declared in check-precedence
/// order; numbers are stable and listed in docs/reference/rejections.md.
/// </summary>
public enum InclusionRejection
{
    /// <summary>Not rejected.</summary>
    None = 0,

    /// <summary>The row could not be read (a missing field, a number that is not a decimal, a bad time).</summary>
    Malformed = 4101,

    /// <summary>The behaviour id or person id is empty or longer than 64 characters.</summary>
    IdentifierInvalid = 4102,

    /// <summary>The activity is negative.</summary>
    ActivityNegative = 4103,

    /// <summary>A correction or a redemption without its reason or reference.</summary>
    ReasonRequired = 4104,

    /// <summary>A redemption of zero or fewer points.</summary>
    PointsMustBePositive = 4105,

    /// <summary>The scenario is not one the rule book knows.</summary>
    ScenarioUnknown = 4201,

    /// <summary>The scenario is operated by another platform.</summary>
    ScenarioOfAnotherPlatform = 4202,

    /// <summary>The person is not registered with the platform.</summary>
    PersonUnknown = 4203,

    /// <summary>A correction names a behaviour this platform never recorded.</summary>
    BehaviourUnknown = 4204,

    /// <summary>The activity is above the methodology's plausible maximum for one record.</summary>
    ActivityImplausible = 4301,

    /// <summary>The behaviour happened outside the batch's period (Asia/Shanghai dates).</summary>
    OutsidePeriod = 4302,

    /// <summary>The site lies inside a covered entity's boundary (ETS, CCER): it would be counted twice.</summary>
    InsideCoveredBoundary = 4303,

    /// <summary>The behaviour id appears earlier in the same batch.</summary>
    DuplicateInBatch = 4304,

    /// <summary>The behaviour id was already recorded (by any platform).</summary>
    DuplicateRecorded = 4305,

    /// <summary>The scenario's SHCER for the behaviour's period are already issued: the period is closed.</summary>
    PeriodAlreadyIssued = 4306,

    /// <summary>A redemption of more points than the person holds (points never go negative).</summary>
    PointsInsufficient = 4307,
}
