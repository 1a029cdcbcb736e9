using CarbonLedger.Domain.Accounts;
using CarbonLedger.Domain.Credits;
using CarbonLedger.Domain.Instruments;
using CarbonLedger.Domain.Invariants;
using CarbonLedger.Domain.Registry;
using CarbonLedger.Testing.Builders;
using CarbonLedger.Testing.Reference;
using NodaTime;

namespace CarbonLedger.Domain.Tests.Registry.Support;

/// <summary>
/// Drives a real <see cref="Ledger"/> through <see cref="Ledger.Decide"/> + <see cref="Ledger.Evolve"/>
/// and, after every command, asserts invariants I1–I4 and agreement with the <see cref="ReferenceLedger"/>
/// shadow (outcome, event, whole state). Keeps the journal for replay tests.
/// </summary>
internal sealed class LedgerHarness
{
    public const string Regulator = "reg";
    public const string Authority = "MEE";
    public const string Cea = "CEA-2024";
    public const string Ccer = "CCER-2023";

    private static readonly Instant s_start = Instant.FromUtc(2025, 3, 1, 9, 0);

    private int _unjournaled;

    public LedgerHarness(LedgerLimits? limits = null)
    {
        Ledger = new Ledger(limits);
        Reference = new ReferenceLedger(limits);
    }

    public Ledger Ledger { get; }

    public ReferenceLedger Reference { get; }

    public CommandFactory Cmd { get; } = new();

    public List<(LedgerEvent Event, EventStamp Stamp)> Journal { get; } = [];

    /// <summary>The instant the next command is decided at (one minute per command).</summary>
    public Instant Now => s_start + Duration.FromMinutes(Journal.Count + _unjournaled);

    /// <summary>A ledger with authority MEE (actor reg), and the given holder accounts opened by reg.</summary>
    public static LedgerHarness WithAccounts(params (string Account, string Owner)[] holders)
    {
        var h = new LedgerHarness();
        h.Accept(h.Cmd.Open("reg", Authority, AccountType.Authority));
        foreach ((string account, string owner) in holders)
        {
            h.Accept(h.Cmd.Open(Regulator, account, AccountType.EnterpriseHolding, owner));
        }

        return h;
    }

    /// <summary>Decides, evolves, checks invariants and the oracle; returns the decision.</summary>
    public LedgerDecision Run(LedgerCommand command)
    {
        Instant at = Now;
        string context = $"command #{Journal.Count + _unjournaled + 1} {command}";
        long sequenceBefore = Ledger.Sequence;
        ReferenceResult expected = Reference.Apply(command, at);
        LedgerDecision decision = Ledger.Decide(command, at);
        Assert.Equal(sequenceBefore, Ledger.Sequence); // Decide is pure
        LedgerComparison.Require(decision.Outcome == expected.Outcome,
            () => $"{context}: outcome {decision.Outcome}, oracle says {expected.Outcome}");
        LedgerComparison.AssertSameEvent(expected.Event, decision.Event, context);
        if (decision.Event is { } evt)
        {
            Assert.Equal(new EventStamp(sequenceBefore + 1, command.Key, command.Fingerprint(), command.Actor),
                decision.Stamp);
            Ledger.Evolve(evt, decision.Stamp);
            Journal.Add((evt, decision.Stamp));
        }
        else
        {
            _unjournaled++;
        }

        LedgerInvariants.AssertAll(Ledger);
        LedgerComparison.AssertSameState(Ledger, Reference, context, includeSerials: true);
        return decision;
    }

    /// <summary>Runs a command that must be newly accepted; returns its event.</summary>
    public LedgerEvent Accept(LedgerCommand command)
    {
        long next = Ledger.Sequence + 1;
        LedgerDecision decision = Run(command);
        Assert.Equal(new CommandOutcome(LedgerRejection.None, next, false), decision.Outcome);
        Assert.NotNull(decision.Event);
        Assert.Equal(next, Ledger.Sequence);
        return decision.Event;
    }

    /// <summary>Runs a command that must be newly accepted with an event of type <typeparamref name="T"/>.</summary>
    public T Accept<T>(LedgerCommand command)
        where T : LedgerEvent => Assert.IsType<T>(Accept(command));

    /// <summary>Runs a command that must be rejected with <paramref name="expected"/>, changing nothing.</summary>
    public void Reject(LedgerCommand command, LedgerRejection expected)
    {
        string hash = Ledger.ComputeStateHash();
        long sequence = Ledger.Sequence;
        LedgerDecision decision = Run(command);
        Assert.Equal(CommandOutcome.Rejected(expected), decision.Outcome);
        Assert.False(decision.HasNewEvent);
        Assert.Equal(sequence, Ledger.Sequence);
        Assert.Equal(hash, Ledger.ComputeStateHash());
    }

    /// <summary>The serial blocks of one instrument in canonical form: (range, account, bucket, freeze id).</summary>
    public List<(SerialRange Serials, string Account, Bucket Bucket, string? FreezeId)> Serials(string instrument)
    {
        InstrumentId id = InstrumentId.Parse(instrument);
        return CanonicalSerials.Of(Ledger.AllSerialHoldings())
            .Where(h => h.Instrument == id)
            .Select(h => (h.Serials, h.Account.Value, h.Bucket, h.FreezeId))
            .ToList();
    }

    /// <summary>A fresh ledger rebuilt from the journal with <see cref="Ledger.Evolve"/>.</summary>
    public Ledger Replay(LedgerLimits? limits = null)
    {
        var replica = new Ledger(limits);
        foreach ((LedgerEvent evt, EventStamp stamp) in Journal)
        {
            replica.Evolve(evt, stamp);
        }

        return replica;
    }
}
