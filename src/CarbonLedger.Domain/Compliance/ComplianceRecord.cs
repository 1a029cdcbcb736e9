using System.Collections.Immutable;

namespace CarbonLedger.Domain.Compliance;

/// <summary>
/// The state of one enterprise's compliance for one year, folded from its stream (<see cref="Evolve"/>):
/// the obligation, what is surrendered (allowances and offsets, with the serial blocks), what is in flight,
/// the deadline, and the outcome after closing.
/// </summary>
public sealed record ComplianceRecord
{
    /// <summary>Before the obligation is set.</summary>
    public static ComplianceRecord Empty { get; } = new();

    /// <summary>The obligation (null before it is set).</summary>
    public ObligationSet? Obligation { get; init; }

    /// <summary>The deadline in force (the rules', or the latest extension).</summary>
    public NodaTime.LocalDateTime? Deadline { get; init; }

    /// <summary>Requests in flight (reserved, not yet moved or refused), by request id.</summary>
    public ImmutableDictionary<string, SurrenderRequested> Pending { get; init; } =
        ImmutableDictionary<string, SurrenderRequested>.Empty;

    /// <summary>Every request ever made, by id (ids are never reused within a record).</summary>
    public ImmutableDictionary<string, SurrenderRequested> Requests { get; init; } =
        ImmutableDictionary<string, SurrenderRequested>.Empty;

    /// <summary>Completed surrenders in order: the record of which units met the obligation.</summary>
    public ImmutableList<(SurrenderRequested Request, SurrenderCompleted Completion)> Surrendered { get; init; } = [];

    /// <summary>Refused movements, in order.</summary>
    public ImmutableList<SurrenderFailed> Failed { get; init; } = [];

    /// <summary>The closing (null while open).</summary>
    public ComplianceClosed? Closed { get; init; }

    /// <summary>The penalty (null until assessed).</summary>
    public PenaltyAssessed? Penalty { get; init; }

    /// <summary>The scheduled next-year deduction (null when none).</summary>
    public NextYearDeductionScheduled? Deduction { get; init; }

    /// <summary>Tonnes surrendered (moved), allowances and offsets.</summary>
    public long SurrenderedTonnes => Surrendered.Sum(s => s.Request.Tonnes);

    /// <summary>Offset tonnes surrendered (moved).</summary>
    public long OffsetTonnes => Surrendered.Where(s => s.Request.IsOffset).Sum(s => s.Request.Tonnes);

    /// <summary>Tonnes reserved by requests in flight.</summary>
    public long PendingTonnes => Pending.Values.Sum(p => p.Tonnes);

    /// <summary>Offset tonnes reserved by requests in flight.</summary>
    public long PendingOffsetTonnes => Pending.Values.Where(p => p.IsOffset).Sum(p => p.Tonnes);

    /// <summary>The obligation not yet met (0 before it is set).</summary>
    public long OpenTonnes => Obligation is null ? 0 : Math.Max(0, Obligation.ObligationTonnes - SurrenderedTonnes);

    /// <summary>Applies one event.</summary>
    public ComplianceRecord Evolve(ComplianceEvent e) => e switch
    {
        ObligationSet x => this with { Obligation = x, Deadline = x.Deadline },
        SurrenderRequested x => this with
        {
            Pending = Pending.Add(x.RequestId, x), Requests = Requests.Add(x.RequestId, x),
        },
        SurrenderCompleted x => this with
        {
            Pending = Pending.Remove(x.RequestId),
            Surrendered = Surrendered.Add((Pending[x.RequestId], x)),
        },
        SurrenderFailed x => this with { Pending = Pending.Remove(x.RequestId), Failed = Failed.Add(x) },
        DeadlineExtended x => this with { Deadline = x.Deadline },
        ComplianceClosed x => this with { Closed = x },
        NextYearDeductionScheduled x => this with { Deduction = x },
        PenaltyAssessed x => this with { Penalty = x },
        _ => throw new ArgumentOutOfRangeException(nameof(e), e.GetType().Name, "unknown compliance event"),
    };

    /// <summary>Folds a stream.</summary>
    public static ComplianceRecord Replay(IEnumerable<ComplianceEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        ComplianceRecord state = Empty;
        foreach (ComplianceEvent e in events)
        {
            state = state.Evolve(e);
        }

        return state;
    }
}
