using CarbonLedger.Domain.Invariants;
using NodaTime;

namespace CarbonLedger.Domain.Registry;

public sealed partial class Ledger
{
    /// <summary>
    /// Decides a command against the current state without changing it: a rejection, an earlier
    /// acceptance under the same key, or the one new event (with its stamp) to journal and then
    /// <see cref="Evolve"/>.
    /// </summary>
    public LedgerDecision Decide(LedgerCommand command, Instant at)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (command is Exchange.ExchangeCommand)
        {
            throw new ArgumentException(
                $"{command.GetType().Name} is an exchange command: it is decided and applied in one step (Submit)",
                nameof(command));
        }

        ulong fingerprint = command.Fingerprint();
        if (CheckKey(command, fingerprint) is { } earlier)
        {
            return new LedgerDecision(earlier, null, default);
        }

        var plan = default(Plan);
        LedgerRejection rejection = Validate(command, ref plan);
        if (rejection != LedgerRejection.None)
        {
            return new LedgerDecision(CommandOutcome.Rejected(rejection), null, default);
        }

        long sequence = Sequence + 1;
        LedgerEvent e = BuildEvent(command, in plan, at, sequence);
        var stamp = new EventStamp(sequence, command.Key, fingerprint, command.Actor);
        return new LedgerDecision(new CommandOutcome(LedgerRejection.None, sequence, false), e, stamp);
    }

    /// <summary>
    /// Decides and applies a command in one step without materialising its event: the in-memory hot path
    /// (a fungible transfer allocates nothing). Same rules and same mutations as Decide + Evolve.
    /// </summary>
    public CommandOutcome Execute(LedgerCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (command is Exchange.ExchangeCommand)
        {
            throw new ArgumentException(
                $"{command.GetType().Name} is an exchange command: it needs a time (Execute(command, at))",
                nameof(command));
        }

        ulong fingerprint = command.Fingerprint();
        if (CheckKey(command, fingerprint) is { } earlier)
        {
            return earlier;
        }

        var plan = default(Plan);
        LedgerRejection rejection = Validate(command, ref plan);
        if (rejection != LedgerRejection.None)
        {
            return CommandOutcome.Rejected(rejection);
        }

        long sequence = Sequence + 1;
        Apply(in plan);
        Record(new EventStamp(sequence, command.Key, fingerprint, command.Actor));
        return new CommandOutcome(LedgerRejection.None, sequence, false);
    }

    /// <summary>
    /// Applies an event: one just decided, or one read back from the journal. The stamp's sequence must
    /// follow the ledger's (the journal has no gaps); a journaled event that cannot apply is a corrupt
    /// journal or a bug, so it fails an assertion rather than being skipped.
    /// </summary>
    public void Evolve(LedgerEvent e, EventStamp stamp)
    {
        ArgumentNullException.ThrowIfNull(e);
        LedgerAssert.That(stamp.Sequence == Sequence + 1, "journal sequence gap or reorder");
        LedgerAssert.That(!_keys.ContainsKey(stamp.Key.Digest), "idempotency key applied twice");
        if (e is Exchange.ExchangeEvent exchange)
        {
            ReplayExchange(exchange, stamp);
            return;
        }

        Plan plan = PlanFromEvent(e);
        Apply(in plan);
        Record(stamp);
    }

    private CommandOutcome? CheckKey(LedgerCommand command, ulong fingerprint)
    {
        if (!_keys.TryGetValue(command.Key.Digest, out IdempotencyRecord earlier))
        {
            return null;
        }

        return earlier.Fingerprint == fingerprint
            ? new CommandOutcome(LedgerRejection.None, earlier.Sequence, true)
            : CommandOutcome.Rejected(LedgerRejection.IdempotencyKeyConflict);
    }

    private void Record(EventStamp stamp)
    {
        _keys.Add(stamp.Key.Digest, new IdempotencyRecord(stamp.Fingerprint, stamp.Sequence));
        _keysDigest = KeysDigest.Mix(_keysDigest, stamp.Fingerprint, stamp.Sequence);
        Sequence = stamp.Sequence;
    }

    private LedgerRejection Validate(LedgerCommand command, ref Plan plan) => command switch
    {
        TransferUnits c => ValidateTransfer(c, ref plan),
        RetireUnits c => ValidateRetire(c, ref plan),
        CancelUnits c => ValidateCancel(c, ref plan),
        SurrenderUnits c => ValidateSurrender(c, ref plan),
        ForceSurrenderUnits c => ValidateForceSurrender(c, ref plan),
        ClawBackUnits c => ValidateClawBack(c, ref plan),
        FreezeUnits c => ValidateFreeze(c, ref plan),
        UnfreezeUnits c => ValidateUnfreeze(c, ref plan),
        IssueAllowances c => ValidateIssueAllowances(c, ref plan),
        IssueCredits c => ValidateIssueCredits(c, ref plan),
        OpenAccount c => ValidateOpen(c, ref plan),
        SuspendAccount c => ValidateSuspend(c, ref plan),
        ReinstateAccount c => ValidateReinstate(c, ref plan),
        CloseAccount c => ValidateClose(c, ref plan),
        _ => throw new ArgumentOutOfRangeException(nameof(command), command.GetType().Name, "unknown command"),
    };

    /// <summary>The one place a plan becomes a state change, live (Execute, Evolve) or on replay.</summary>
    private void Apply(in Plan plan)
    {
        switch (plan.Mutation)
        {
            case Mutation.Move:
                ApplyMove(in plan);
                break;
            case Mutation.Issue:
                ApplyIssue(in plan);
                break;
            case Mutation.Open:
                ApplyOpen(plan.NewAccount, plan.NewType, plan.NewOwner);
                break;
            case Mutation.Suspend:
                ApplyStatus(plan.Subject, Accounts.AccountStatus.Suspended);
                break;
            case Mutation.Reinstate:
                ApplyStatus(plan.Subject, Accounts.AccountStatus.Open);
                break;
            case Mutation.Close:
                ApplyStatus(plan.Subject, Accounts.AccountStatus.Closed);
                break;
            default:
                LedgerAssert.Fail($"plan without a mutation ({plan.Mutation})");
                break;
        }
    }
}
