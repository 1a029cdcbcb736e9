using CarbonLedger.Domain.Accounts;
using CarbonLedger.Domain.Credits;
using CarbonLedger.Domain.Identity;
using CarbonLedger.Domain.Quantities;
using CarbonLedger.Domain.Registry;
using CarbonLedger.Testing.Builders;
using CarbonLedger.Testing.Reference;
using NodaTime;
using static CarbonLedger.Domain.Registry.LedgerRejection;

namespace CarbonLedger.Domain.Tests.Registry;

/// <summary>
/// Idempotency for every command type, through <see cref="Ledger.Execute"/> and through
/// <see cref="Ledger.Decide"/> + <see cref="Ledger.Evolve"/>: a retry returns the first outcome, a different
/// command under a used key conflicts, a rejected command leaves its key unused, and replay restores all of it.
/// </summary>
public sealed class LedgerIdempotencyTests
{
    private const string Reg = "reg";
    private const string Cea = "CEA-2024";
    private const string Ccer = "CCER-2023";
    private static readonly IdempotencyKey s_key = IdempotencyKey.Of("client-key-1");
    private static readonly Instant s_at = Instant.FromUtc(2025, 6, 1, 8, 0);

    /// <summary>Per command type: the command under test and a different command under the same key.</summary>
    private static readonly Dictionary<string, (Func<CommandFactory, LedgerCommand> First,
        Func<LedgerCommand, LedgerCommand> Different)> s_cases = new()
    {
        ["Open"] = (c => c.Open(Reg, "E-9", key: s_key.Value),
            x => ((OpenAccount)x) with { Type = AccountType.Trading }),
        ["Suspend"] = (c => c.Suspend(Reg, "E-2", "audit", key: s_key.Value),
            x => ((SuspendAccount)x) with { Reason = "other audit" }),
        ["Reinstate"] = (c => c.Reinstate(Reg, "SUS-1", "cleared", key: s_key.Value),
            x => ((ReinstateAccount)x) with { Reason = "cleared again" }),
        ["Close"] = (c => c.Close(Reg, "E-2", key: s_key.Value),
            x => ((CloseAccount)x) with { Account = AccountId.Of("E-3") }),
        ["IssueAllowances"] = (c => c.IssueAllowances(Reg, "MEE", "E-2", Cea, 10, key: s_key.Value),
            x => ((IssueAllowances)x) with { Quantity = Co2e.FromTonnes(11) }),
        ["IssueCredits"] = (c => c.IssueCredits(Reg, "MEE", "E-2", Ccer, 201, 210, key: s_key.Value),
            x => ((IssueCredits)x) with { Project = "PRJ-OTHER" }),
        ["Transfer"] = (c => c.Transfer("alice", "E-1", "E-2", Cea, 10, key: s_key.Value),
            x => ((TransferUnits)x) with { To = AccountId.Of("E-3") }),
        ["TransferSerials"] = (c => c.Transfer("alice", "E-1", "E-2", Ccer, 10, new SerialRange(11, 20), s_key.Value),
            x => ((TransferUnits)x) with { Serials = new SerialRange(21, 30) }),
        ["Retire"] = (c => c.Retire("alice", "E-1", Cea, 5, key: s_key.Value),
            x => ((RetireUnits)x) with { Beneficiary = "Someone else" }),
        ["Cancel"] = (c => c.Cancel("alice", "E-1", Ccer, 5, key: s_key.Value),
            x => ((CancelUnits)x) with { Reason = "other" }),
        ["Surrender"] = (c => c.Surrender("alice", "E-1", Cea, 5, year: 2024, key: s_key.Value),
            x => ((SurrenderUnits)x) with { ComplianceYear = Vintage.Of(2025) }),
        ["Freeze"] = (c => c.Freeze(Reg, "E-1", Cea, 5, "F-1", key: s_key.Value),
            x => ((FreezeUnits)x) with { FreezeId = "F-2" }),
        ["Unfreeze"] = (c => c.Unfreeze(Reg, "E-1", Cea, 5, "F-0", key: s_key.Value),
            x => ((UnfreezeUnits)x) with { Quantity = Co2e.FromTonnes(6) }),
    };

    public static TheoryData<string, bool> EveryCommandBothPaths
    {
        get
        {
            var data = new TheoryData<string, bool>();
            foreach (string kind in s_cases.Keys)
            {
                data.Add(kind, false);
                data.Add(kind, true);
            }

            return data;
        }
    }

    public static TheoryData<string> EveryCommand => [.. s_cases.Keys];

    [Theory]
    [MemberData(nameof(EveryCommandBothPaths))]
    public void Retry_SameKeySameCommand_ReturnsFirstOutcomeAndChangesNothing(string kind, bool viaDecide)
    {
        (Ledger ledger, CommandFactory c) = Registry();
        LedgerCommand command = s_cases[kind].First(c);
        long first = ledger.Sequence + 1;
        Assert.Equal(new CommandOutcome(None, first, false), Run(ledger, command, viaDecide));

        // Later commands move the sequence on; the retry still reports the first sequence.
        Assert.True(ledger.Execute(c.Open(Reg, "LATER-1")).IsAccepted);
        string hash = ledger.ComputeStateHash();
        long sequence = ledger.Sequence;
        int keys = ledger.RememberedKeys;

        Assert.Equal(new CommandOutcome(None, first, true), Run(ledger, command, viaDecide));
        Assert.Equal(new CommandOutcome(None, first, true), Run(ledger, command with { }, viaDecide)); // equal copy
        Assert.Equal(sequence, ledger.Sequence);
        Assert.Equal(hash, ledger.ComputeStateHash());
        Assert.Equal(keys, ledger.RememberedKeys);
    }

    [Theory]
    [MemberData(nameof(EveryCommandBothPaths))]
    public void Retry_SameKeyDifferentCommand_IsKeyConflictAndChangesNothing(string kind, bool viaDecide)
    {
        (Ledger ledger, CommandFactory c) = Registry();
        LedgerCommand command = s_cases[kind].First(c);
        Assert.True(Run(ledger, command, viaDecide).IsAccepted);
        string hash = ledger.ComputeStateHash();
        long sequence = ledger.Sequence;

        LedgerCommand different = s_cases[kind].Different(command);
        Assert.NotEqual(command, different);
        Assert.NotEqual(command.Fingerprint(), different.Fingerprint());
        Assert.Equal(CommandOutcome.Rejected(IdempotencyKeyConflict), Run(ledger, different, viaDecide));
        // The same fields from another actor are a different command too.
        Assert.Equal(CommandOutcome.Rejected(IdempotencyKeyConflict),
            Run(ledger, command with { Actor = ActorId.Of("mallory") }, viaDecide));
        Assert.Equal(sequence, ledger.Sequence);
        Assert.Equal(hash, ledger.ComputeStateHash());
    }

    [Theory]
    [MemberData(nameof(EveryCommandBothPaths))]
    public void Rejected_CommandUnderAKey_DoesNotConsumeTheKey(string kind, bool viaDecide)
    {
        (Ledger ledger, CommandFactory c) = Registry();
        LedgerCommand command = s_cases[kind].First(c);
        int keys = ledger.RememberedKeys;
        LedgerCommand wrongActor = command with { Actor = ActorId.Of("mallory") };
        CommandOutcome rejected = Run(ledger, wrongActor, viaDecide);
        Assert.False(rejected.IsAccepted);
        Assert.Equal(0, rejected.Sequence);
        Assert.Equal(keys, ledger.RememberedKeys);
        Assert.Equal(rejected, Run(ledger, wrongActor, viaDecide)); // judged afresh, same verdict

        // The corrected retry under the same key is judged afresh and accepted.
        long next = ledger.Sequence + 1;
        Assert.Equal(new CommandOutcome(None, next, false), Run(ledger, command, viaDecide));
        Assert.Equal(keys + 1, ledger.RememberedKeys);
    }

    [Theory]
    [MemberData(nameof(EveryCommand))]
    public void Decide_RetryOfAcceptedCommand_HasNoNewEvent(string kind)
    {
        (Ledger ledger, CommandFactory c) = Registry();
        LedgerCommand command = s_cases[kind].First(c);
        LedgerDecision first = ledger.Decide(command, s_at);
        Assert.True(first.HasNewEvent);
        Assert.Equal(new EventStamp(ledger.Sequence + 1, s_key, command.Fingerprint(), command.Actor), first.Stamp);
        ledger.Evolve(first.Event!, first.Stamp);

        LedgerDecision retry = ledger.Decide(command, s_at + Duration.FromHours(1));
        Assert.False(retry.HasNewEvent);
        Assert.Null(retry.Event);
        Assert.Equal(new CommandOutcome(None, first.Stamp.Sequence, true), retry.Outcome);

        LedgerDecision conflict = ledger.Decide(s_cases[kind].Different(command), s_at);
        Assert.False(conflict.HasNewEvent);
        Assert.Equal(CommandOutcome.Rejected(IdempotencyKeyConflict), conflict.Outcome);
    }

    [Theory]
    [MemberData(nameof(EveryCommand))]
    public void Replay_JournalWithStamps_RestoresIdempotency(string kind)
    {
        var journal = new List<(LedgerEvent, EventStamp)>();
        (Ledger ledger, CommandFactory c) = Registry(journal);
        LedgerCommand command = s_cases[kind].First(c);
        LedgerDecision decision = ledger.Decide(command, s_at);
        ledger.Evolve(decision.Event!, decision.Stamp);
        journal.Add((decision.Event!, decision.Stamp));

        var replica = new Ledger();
        foreach ((LedgerEvent evt, EventStamp stamp) in journal)
        {
            replica.Evolve(evt, stamp);
        }

        Assert.Equal(ledger.ComputeStateHash(), replica.ComputeStateHash());
        Assert.Equal(new CommandOutcome(None, decision.Stamp.Sequence, true), replica.Execute(command));
        Assert.Equal(CommandOutcome.Rejected(IdempotencyKeyConflict),
            replica.Execute(s_cases[kind].Different(command)));
        Assert.Equal(ledger.ComputeStateHash(), replica.ComputeStateHash());
    }

    [Fact]
    public void Oracle_AgreesOnEveryIdempotencyCase()
    {
        foreach (string kind in s_cases.Keys)
        {
            var c = new CommandFactory();
            var oracle = new ReferenceLedger();
            foreach (LedgerCommand setup in Setup(c))
            {
                Assert.True(oracle.Execute(setup).IsAccepted, $"{kind}: setup {setup}");
            }

            LedgerCommand command = s_cases[kind].First(c);
            long sequence = oracle.Execute(command).Sequence;
            Assert.Equal(new CommandOutcome(None, sequence, true), oracle.Execute(command));
            Assert.Equal(CommandOutcome.Rejected(IdempotencyKeyConflict),
                oracle.Execute(s_cases[kind].Different(command)));
        }
    }

    private static CommandOutcome Run(Ledger ledger, LedgerCommand command, bool viaDecide)
    {
        if (!viaDecide)
        {
            return ledger.Execute(command);
        }

        LedgerDecision decision = ledger.Decide(command, s_at);
        if (decision.Event is { } evt)
        {
            ledger.Evolve(evt, decision.Stamp);
        }

        return decision.Outcome;
    }

    /// <summary>MEE (reg); E-1 (alice) with 1,000 t CEA-2024 and CCER-2023 1–100, 100 t frozen under F-0;
    /// empty E-2 (bob) and E-3 (carol); suspended SUS-1.</summary>
    private static (Ledger Ledger, CommandFactory Commands) Registry(List<(LedgerEvent, EventStamp)>? journal = null)
    {
        var c = new CommandFactory();
        var ledger = new Ledger();
        foreach (LedgerCommand command in Setup(c))
        {
            LedgerDecision decision = ledger.Decide(command, s_at);
            Assert.True(decision.HasNewEvent, $"setup {command}: {decision.Outcome}");
            ledger.Evolve(decision.Event!, decision.Stamp);
            journal?.Add((decision.Event!, decision.Stamp));
        }

        return (ledger, c);
    }

    private static LedgerCommand[] Setup(CommandFactory c) =>
    [
        c.Open(Reg, "MEE", AccountType.Authority),
        c.Open(Reg, "E-1", owner: "alice"),
        c.Open(Reg, "E-2", owner: "bob"),
        c.Open(Reg, "E-3", owner: "carol"),
        c.Open(Reg, "SUS-1", owner: "dave"),
        c.Suspend(Reg, "SUS-1"),
        c.IssueAllowances(Reg, "MEE", "E-1", Cea, 1_000),
        c.IssueCredits(Reg, "MEE", "E-1", Ccer, 1, 100),
        c.Freeze(Reg, "E-1", Cea, 100, "F-0"),
    ];
}
