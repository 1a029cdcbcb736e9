using System.Collections.Immutable;
using CarbonLedger.Domain.Identity;
using CarbonLedger.Domain.Instruments;
using CarbonLedger.Domain.Quantities;
using NodaTime;

namespace CarbonLedger.Domain.Compliance;

/// <summary>A step asked of a compliance record by <paramref name="Actor"/> at <paramref name="At"/>.</summary>
public abstract record ComplianceCommand(ActorId Actor, Instant At);

/// <summary>
/// The regulator sets the obligation from the confirmed emissions and the final allocation; the enterprise
/// surrenders from <paramref name="Account"/> as <paramref name="EnterpriseActor"/>.
/// </summary>
public sealed record SetObligation(
    string Enterprise, AccountId Account, ActorId EnterpriseActor, long VerifiedTonnes, long AllocationTonnes,
    ActorId Actor, Instant At) : ComplianceCommand(Actor, At);

/// <summary>
/// The enterprise surrenders <paramref name="Tonnes"/> of <paramref name="Instrument"/>. An offset names its
/// serial block (<paramref name="Serials"/>); <paramref name="Project"/> is that block's project, filled in by
/// the host from the credits' issuance in the journal (never taken from the caller).
/// </summary>
public sealed record RequestSurrender(
    string RequestId, InstrumentId Instrument, long Tonnes, string? Project, ActorId Actor, Instant At,
    Credits.SerialRange? Serials = null)
    : ComplianceCommand(Actor, At);

/// <summary>
/// The regulator's forced surrender (强制履约) of allowances, allowed after the deadline: from the enterprise's
/// available units, or with <paramref name="FreezeId"/> from the units frozen under that order.
/// </summary>
public sealed record ForceSurrender(
    string RequestId, InstrumentId Instrument, long Tonnes, ActorId Actor, Instant At, string? FreezeId = null)
    : ComplianceCommand(Actor, At);

/// <summary>The ledger core's answer for a request: moved (sequence, serials) or refused (code).</summary>
public sealed record CompleteSurrender(
    string RequestId, bool Moved, long LedgerSequence, ImmutableArray<Credits.SerialRange> Serials, int LedgerRejection,
    string Reason,
    ActorId Actor, Instant At) : ComplianceCommand(Actor, At);

/// <summary>The regulator extends the deadline.</summary>
public sealed record ExtendDeadline(LocalDateTime Deadline, string Reason, ActorId Actor, Instant At)
    : ComplianceCommand(Actor, At);

/// <summary>The regulator closes the record at (or after) the deadline.</summary>
public sealed record CloseCompliance(ActorId Actor, Instant At) : ComplianceCommand(Actor, At);

/// <summary>
/// The regulator assesses the penalty: a fine for a fixed-fine rule, or a multiple of
/// <paramref name="AveragePrice"/> (the month before the deadline) × the shortfall.
/// </summary>
public sealed record AssessPenalty(Money? Fine, int? Multiple, Price? AveragePrice, string Reason, ActorId Actor,
    Instant At) : ComplianceCommand(Actor, At);
