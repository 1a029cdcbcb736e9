using CarbonLedger.Domain.Accounts;
using CarbonLedger.Domain.Exchange;
using CarbonLedger.Domain.Invariants;
using CarbonLedger.Domain.Quantities;
using CarbonLedger.Domain.Registry;
using CarbonLedger.Domain.Rules;
using CarbonLedger.Testing.Builders;
using CarbonLedger.Testing.Reference;
using NodaTime;

namespace CarbonLedger.Domain.Tests.Exchange.Support;

/// <summary>
/// Drives a real <see cref="Ledger"/> through <see cref="Ledger.Submit"/> beside the
/// <see cref="ReferenceLedger"/> oracle: after every command, the outcome, the event, invariants I1–I4 and the
/// exchange's, and the whole state (registry and exchange) must agree. Time is set explicitly, in
/// Asia/Shanghai. A standard market: regulator reg (MEE), exchange operator seee (clearing SEEE, fee account
/// SEEE-FEES), settlement bank bank (BANK), trading accounts T-A (alice), T-B (bob), T-C (carol).
/// </summary>
internal sealed class ExchangeHarness
{
    public const string Cea = "CEA-2024";
    public const string Operator = "seee";
    public const string Bank = "bank";

    /// <summary>Monday 2 March 2026, a trading day.</summary>
    public static readonly LocalDate Monday = new(2026, 3, 2);

    private readonly DateTimeZone _zone = DefaultRuleBook.Shanghai;

    public ExchangeHarness(RuleBook? rules = null)
    {
        Ledger = new Ledger(null, rules);
        Reference = new ReferenceLedger(null, rules);
        Now = At(Monday, 8, 0);
    }

    public Ledger Ledger { get; }

    public ReferenceLedger Reference { get; }

    public CommandFactory Cmd { get; } = new();

    public Instant Now { get; set; }

    public List<(LedgerEvent Event, EventStamp Stamp)> Journal { get; } = [];

    /// <summary>
    /// The standard market with CEA-2024 listed at <paramref name="referenceFen"/>: T-A holds 200,000 t and
    /// T-B 50,000 t; T-A, T-B and T-C each have <paramref name="cashYuan"/> in cash. No day is open yet.
    /// </summary>
    public static ExchangeHarness Standard(long referenceFen = 8_000, long cashYuan = 50_000_000,
        RuleBook? rules = null)
    {
        var h = new ExchangeHarness(rules);
        CommandFactory c = h.Cmd;
        h.Accept(c.Open("reg", "MEE", AccountType.Authority));
        h.Accept(c.Open("reg", "SEEE", AccountType.ExchangeClearing, Operator));
        h.Accept(c.Open("reg", "SEEE-FEES", AccountType.Fee, Operator));
        h.Accept(c.Open("reg", "BANK", AccountType.SettlementBank, Bank));
        foreach ((string account, string owner) in new[] { ("T-A", "alice"), ("T-B", "bob"), ("T-C", "carol") })
        {
            h.Accept(c.Open("reg", account, AccountType.Trading, owner));
            h.Accept(c.Deposit(Bank, "BANK", account, cashYuan));
        }

        h.Accept(c.IssueAllowances("reg", "MEE", "T-A", Cea, 200_000));
        h.Accept(c.IssueAllowances("reg", "MEE", "T-B", Cea, 50_000));
        h.Accept(c.List(Operator, Cea, referenceFen));
        return h;
    }

    /// <summary>An instant on <paramref name="date"/> at hh:mm Shanghai time.</summary>
    public Instant At(LocalDate date, int hour, int minute) =>
        _zone.AtStrictly(date + new LocalTime(hour, minute)).ToInstant();

    /// <summary>Moves the clock to hh:mm of <paramref name="date"/> and opens that trading day.</summary>
    public TradingDayOpened OpenDay(LocalDate date, int hour = 9, int minute = 0)
    {
        Now = At(date, hour, minute);
        return Accept<TradingDayOpened>(Cmd.OpenDay(Operator, date));
    }

    /// <summary>Moves the clock to 15:30 of <paramref name="date"/> and closes that trading day.</summary>
    public TradingDayClosed CloseDay(LocalDate date)
    {
        Now = At(date, 15, 30);
        return Accept<TradingDayClosed>(Cmd.CloseDay(Operator, date));
    }

    /// <summary>Runs a command on both, compares everything, journals the event.</summary>
    public LedgerDecision Run(LedgerCommand command)
    {
        string context = $"command #{Ledger.Sequence + 1} at {Now}: {ContentText.Of(command)}";
        long before = Ledger.Sequence;
        ReferenceResult expected = Reference.Apply(command, Now);
        LedgerDecision decision = Ledger.Submit(command, Now);
        LedgerComparison.Require(decision.Outcome == expected.Outcome,
            () => $"{context}: outcome {decision.Outcome}, oracle says {expected.Outcome}");
        LedgerComparison.AssertSameEvent(expected.Event, decision.Event, context);
        if (decision.Event is { } e)
        {
            Assert.Equal(before + 1, decision.Stamp.Sequence);
            Journal.Add((e, decision.Stamp));
        }

        LedgerInvariants.AssertAll(Ledger);
        LedgerComparison.AssertSameState(Ledger, Reference, context, includeSerials: true);
        LedgerComparison.AssertSameExchange(Ledger, Reference, context);
        return decision;
    }

    /// <summary>Runs a command that must be newly accepted; returns its event.</summary>
    public LedgerEvent Accept(LedgerCommand command)
    {
        LedgerDecision d = Run(command);
        Assert.True(d.Outcome.IsAccepted && !d.Outcome.AlreadyApplied, $"{command} → {d.Outcome}");
        return d.Event!;
    }

    /// <summary>Runs a command that must be accepted with an event of type <typeparamref name="T"/>.</summary>
    public T Accept<T>(LedgerCommand command)
        where T : LedgerEvent => Assert.IsType<T>(Accept(command));

    /// <summary>Runs a command that must be rejected with <paramref name="code"/>, changing nothing.</summary>
    public void Reject(LedgerCommand command, LedgerRejection code)
    {
        string hash = Ledger.ComputeStateHash();
        LedgerDecision d = Run(command);
        Assert.Equal(CommandOutcome.Rejected(code), d.Outcome);
        Assert.Equal(hash, Ledger.ComputeStateHash());
    }

    /// <summary>A fresh ledger folded from the journal; replay re-executes every exchange event and checks it.</summary>
    public Ledger Replay(RuleBook? rules = null)
    {
        var replica = new Ledger(null, rules);
        foreach ((LedgerEvent e, EventStamp stamp) in Journal)
        {
            replica.Evolve(e, stamp);
        }

        return replica;
    }

    /// <summary>An account's cash.</summary>
    public CashBalance Cash(string account) => Ledger.GetCash(CommandFactory.Acc(account));

    /// <summary>An account's CEA-2024 position.</summary>
    public Position Units(string account, string instrument = Cea) =>
        Ledger.GetPosition(CommandFactory.Acc(account), CommandFactory.Instr(instrument));

    /// <summary>Whole tonnes.</summary>
    public static Co2e T(long tonnes) => Co2e.FromTonnes(tonnes);

    /// <summary>Whole yuan.</summary>
    public static Money Y(long yuan) => Money.FromYuan(yuan);
}
