using System.Collections.Immutable;
using CarbonLedger.Domain.Credits;
using CarbonLedger.Domain.Identity;
using CarbonLedger.Domain.Instruments;
using CarbonLedger.Domain.Quantities;
using NodaTime;

namespace CarbonLedger.Domain.Compliance;

/// <summary>An event of a compliance record's stream (one per enterprise and year).</summary>
public abstract record ComplianceEvent(Instant At);

/// <summary>
/// The obligation under the year's rules (version recorded): verified emissions, the allocation, what is
/// due after the gap cap, the offset cap, and the deadline.
/// </summary>
public sealed record ObligationSet(
    string Enterprise, AccountId Account, ActorId EnterpriseActor, int Year, int RulesVersion,
    long VerifiedTonnes, long AllocationTonnes, long ObligationTonnes, long OffsetCapTonnes, LocalDateTime Deadline,
    ActorId Regulator, Instant At) : ComplianceEvent(At);

/// <summary>
/// A surrender was accepted by the workflow and reserved against the obligation and offset cap; the units
/// move in the ledger core under <c>ComplianceRecords.LedgerKey</c>. <paramref name="Forced"/> marks the
/// regulator's forced surrender, from the frozen units of <paramref name="FreezeId"/> when it names one.
/// </summary>
public sealed record SurrenderRequested(
    string RequestId, InstrumentId Instrument, long Tonnes, bool IsOffset, string? Project, bool Forced, ActorId Actor,
    Instant At, SerialRange? Serials = null, string? FreezeId = null) : ComplianceEvent(At);

/// <summary>The ledger core moved the units: which serial blocks (credits) met the obligation.</summary>
public sealed record SurrenderCompleted(
    string RequestId, long LedgerSequence, ImmutableArray<SerialRange> Serials, Instant At)
    : ComplianceEvent(At);

/// <summary>
/// The ledger core refused the movement (e.g. not enough available units): the reservation is released.
/// </summary>
public sealed record SurrenderFailed(string RequestId, int LedgerRejection, string Reason, Instant At)
    : ComplianceEvent(At);

/// <summary>The regulator extended the deadline, with a reason.</summary>
public sealed record DeadlineExtended(LocalDateTime Deadline, string Reason, ActorId Regulator, Instant At)
    : ComplianceEvent(At);

/// <summary>The record closed at the deadline: compliant, or short by <paramref name="ShortfallTonnes"/>.</summary>
public sealed record ComplianceClosed(long ShortfallTonnes, ActorId Regulator, Instant At) : ComplianceEvent(At);

/// <summary>The shortfall to be deducted from next year's allocation (等量核减), when the rules say so.</summary>
public sealed record NextYearDeductionScheduled(int Year, long Tonnes, Instant At) : ComplianceEvent(At);

/// <summary>The penalty assessed for the shortfall, and how it was computed.</summary>
public sealed record PenaltyAssessed(Money Amount, string Basis, string Reason, ActorId Regulator, Instant At)
    : ComplianceEvent(At);
