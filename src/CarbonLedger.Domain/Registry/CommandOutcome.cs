namespace CarbonLedger.Domain.Registry;

/// <summary>
/// The result of a command: accepted as ledger event <see cref="Sequence"/>, accepted earlier under the
/// same idempotency key (<see cref="AlreadyApplied"/>, same sequence, nothing new), or rejected with a
/// code (sequence 0, nothing changed).
/// </summary>
public readonly record struct CommandOutcome(LedgerRejection Rejection, long Sequence, bool AlreadyApplied)
{
    /// <summary>True unless rejected.</summary>
    public bool IsAccepted => Rejection == LedgerRejection.None;

    /// <summary>A rejection.</summary>
    public static CommandOutcome Rejected(LedgerRejection rejection) => new(rejection, 0, false);
}

/// <summary>
/// What <see cref="Ledger.Decide"/> concluded: the outcome, and for a newly accepted command the one
/// event to journal and evolve, with its stamp.
/// </summary>
public readonly record struct LedgerDecision(CommandOutcome Outcome, LedgerEvent? Event, EventStamp Stamp)
{
    /// <summary>True when there is a new event to journal.</summary>
    public bool HasNewEvent => Event is not null;
}
