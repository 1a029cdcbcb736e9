using System.Collections.Immutable;
using CarbonLedger.Domain.Mrv;
using NodaTime;

namespace CarbonLedger.Domain.Compliance;

/// <summary>Which allocation step issued units.</summary>
public enum AllocationKind
{
    /// <summary>Pre-allocation from the prior year's output.</summary>
    PreAllocation = 1,

    /// <summary>A positive true-up to the actual output.</summary>
    TrueUp = 2,

    /// <summary>The exemption top-up to a share of verified emissions.</summary>
    ExemptionTopUp = 3,
}

/// <summary>An event of an allocation record's stream (one per enterprise and year).</summary>
public abstract record AllocationEvent(Instant At);

/// <summary>Allowances issued through the ledger core (at <paramref name="LedgerSequence"/>), with the trace.</summary>
public sealed record AllocationIssued(
    AllocationKind Kind, long Tonnes, ImmutableArray<TraceLine> Trace, long LedgerSequence, Instant At)
    : AllocationEvent(At);

/// <summary>
/// A negative true-up: <paramref name="RequestedTonnes"/> were due back; <paramref name="ClawedTonnes"/> were
/// clawed back (never more than was available) and the rest is a recorded <paramref name="DeficitTonnes"/>,
/// never a negative balance.
/// </summary>
public sealed record AllocationClawedBack(
    long RequestedTonnes, long ClawedTonnes, long DeficitTonnes, ImmutableArray<TraceLine> Trace, long LedgerSequence,
    Instant At) : AllocationEvent(At);

/// <summary>The allocation steps of one enterprise and year, folded from its stream.</summary>
public sealed record AllocationRecord(ImmutableList<AllocationEvent> Steps)
{
    /// <summary>No steps yet.</summary>
    public static AllocationRecord Empty { get; } = new([]);

    /// <summary>Tonnes issued, all kinds.</summary>
    public long IssuedTonnes => Steps.OfType<AllocationIssued>().Sum(s => s.Tonnes);

    /// <summary>Tonnes clawed back.</summary>
    public long ClawedTonnes => Steps.OfType<AllocationClawedBack>().Sum(s => s.ClawedTonnes);

    /// <summary>Tonnes still owed back after claw-back.</summary>
    public long DeficitTonnes => Steps.OfType<AllocationClawedBack>().Sum(s => s.DeficitTonnes);

    /// <summary>The net allocation the enterprise holds from this year's plan.</summary>
    public long NetTonnes => IssuedTonnes - ClawedTonnes;

    /// <summary>True when a step of this kind is recorded (each happens once).</summary>
    public bool Has(AllocationKind kind) => Steps.OfType<AllocationIssued>().Any(s => s.Kind == kind);

    /// <summary>True when the true-up (issue or claw-back) is recorded.</summary>
    public bool TrueUpDone => Has(AllocationKind.TrueUp) || Steps.OfType<AllocationClawedBack>().Any();

    /// <summary>Folds a stream.</summary>
    public static AllocationRecord Replay(IEnumerable<AllocationEvent> events) => new([.. events]);
}
