using System.Reflection;
using CarbonLedger.Domain.Accounts;
using CarbonLedger.Domain.Credits;
using CarbonLedger.Domain.Invariants;
using CarbonLedger.Domain.Quantities;
using CarbonLedger.Domain.Registry;
using CarbonLedger.Testing.Builders;
using CarbonLedger.Testing.Reference;
using static CarbonLedger.Domain.Registry.LedgerRejection;

namespace CarbonLedger.Domain.Tests.Registry;

/// <summary>
/// docs/reference/rejections.md as executable tables. Every command runs through <see cref="Ledger.Execute"/>
/// on a small standard registry: authority MEE (actor reg); E-1 (alice) with 1,000 t CEA-2024 and CCER-2023
/// serials 1–100; E-2 (bob); E-3 (carol).
/// </summary>
public sealed class LedgerRejectionTests
{
    private const string Reg = "reg";
    private const string Cea = "CEA-2024";
    private const string Ccer = "CCER-2023";
    private static readonly string s_long257 = new('x', 257);

    /// <summary>One row per rejection code, in precedence (declaration) order. <c>Violating</c> breaks exactly
    /// that rule: <c>Corrected</c>, which differs only in the offending field, is accepted.</summary>
    private static readonly RejectionCase[] s_table =
    [
        new(IdempotencyKeyConflict,
            c => [c.Transfer("alice", "E-1", "E-2", Cea, 10, key: "dup")],
            c => c.Transfer("alice", "E-1", "E-2", Cea, 20, key: "dup"),
            c => c.Transfer("alice", "E-1", "E-2", Cea, 20, key: "fresh")),
        new(QuantityMustBePositive, None_,
            c => c.Transfer("alice", "E-1", "E-2", Cea, 0),
            c => c.Transfer("alice", "E-1", "E-2", Cea, 10)),
        new(QuantityMustBeWholeTonnes, None_,
            c => c.Transfer("alice", "E-1", "E-2", Cea, 10) with { Quantity = Co2e.FromGrams(10_500_000) },
            c => c.Transfer("alice", "E-1", "E-2", Cea, 10)),
        new(QuantityExceedsLimit, None_,
            c => c.IssueAllowances(Reg, "MEE", "E-2", Cea, 1_000_000_001),
            c => c.IssueAllowances(Reg, "MEE", "E-2", Cea, 1_000_000_000)),
        new(SerialRangeInvalid, None_,
            c => c.IssueCredits(Reg, "MEE", "E-2", Ccer, 0, 10),
            c => c.IssueCredits(Reg, "MEE", "E-2", Ccer, 101, 110)),
        new(SerialRangeQuantityMismatch, None_,
            c => c.Transfer("alice", "E-1", "E-2", Ccer, 5, new SerialRange(1, 10)),
            c => c.Transfer("alice", "E-1", "E-2", Ccer, 10, new SerialRange(1, 10))),
        new(ReasonRequired, None_,
            c => c.Suspend(Reg, "E-2", reason: "  "),
            c => c.Suspend(Reg, "E-2", reason: "audit")),
        new(BeneficiaryRequired, None_,
            c => c.Retire("alice", "E-1", Cea, 5, beneficiary: ""),
            c => c.Retire("alice", "E-1", Cea, 5, beneficiary: "Acme")),
        new(PurposeRequired, None_,
            c => c.Retire("alice", "E-1", Cea, 5, purpose: " \t"),
            c => c.Retire("alice", "E-1", Cea, 5, purpose: "offset")),
        new(FreezeIdRequired, None_,
            c => c.Freeze(Reg, "E-1", Cea, 5, freezeId: ""),
            c => c.Freeze(Reg, "E-1", Cea, 5, freezeId: "F-1")),
        new(ProjectRequired, None_,
            c => c.IssueCredits(Reg, "MEE", "E-2", Ccer, 101, 110, project: " "),
            c => c.IssueCredits(Reg, "MEE", "E-2", Ccer, 101, 110, project: "PRJ-9")),
        new(TextTooLong, None_,
            c => c.Cancel("alice", "E-1", Cea, 5, reason: s_long257),
            c => c.Cancel("alice", "E-1", Cea, 5, reason: s_long257[1..])), // exactly 256 characters
        new(RetirementPeriodInvalid, None_,
            c => c.Retire("alice", "E-1", Cea, 5) with { PeriodEnd = CommandFactory.PeriodStart.PlusDays(-1) },
            c => c.Retire("alice", "E-1", Cea, 5) with { PeriodEnd = CommandFactory.PeriodStart }),
        new(AccountsMustBeDifferent, None_,
            c => c.Transfer("alice", "E-1", "E-1", Cea, 5),
            c => c.Transfer("alice", "E-1", "E-2", Cea, 5)),
        new(AccountTypeNotOpenable, None_,
            c => c.Open(Reg, "E-9", AccountType.RetiredSink),
            c => c.Open(Reg, "E-9", AccountType.Trading)),
        new(AccountIdReserved, None_,
            c => c.Open(Reg, "sys-e9"),
            c => c.Open(Reg, "syse9")),
        new(SerialsNotApplicable, None_,
            c => c.Transfer("alice", "E-1", "E-2", Cea, 10, new SerialRange(1, 10)),
            c => c.Transfer("alice", "E-1", "E-2", Cea, 10)),
        new(InstrumentRequiresSerials, None_,
            c => c.IssueAllowances(Reg, "MEE", "E-2", Ccer, 10),
            c => c.IssueAllowances(Reg, "MEE", "E-2", Cea, 10)),
        new(InstrumentNotSerialNumbered, None_,
            c => c.IssueCredits(Reg, "MEE", "E-2", Cea, 101, 110),
            c => c.IssueCredits(Reg, "MEE", "E-2", Ccer, 101, 110)),
        new(AccountAlreadyExists, None_,
            c => c.Open(Reg, "E-1"),
            c => c.Open(Reg, "E-9")),
        new(AccountUnknown, None_,
            c => c.Suspend(Reg, "E-9"),
            c => c.Suspend(Reg, "E-2")),
        new(ToAccountUnknown, None_,
            c => c.Transfer("alice", "E-1", "E-9", Cea, 5),
            c => c.Transfer("alice", "E-1", "E-2", Cea, 5)),
        new(AuthorityAccountUnknown, None_,
            c => c.IssueAllowances(Reg, "MEE-9", "E-2", Cea, 5),
            c => c.IssueAllowances(Reg, "MEE", "E-2", Cea, 5)),
        new(TradingAccountAlreadyOpen,
            c => [c.Open(Reg, "TR-1", AccountType.Trading, owner: "alice")],
            c => c.Open(Reg, "TR-2", AccountType.Trading, owner: "alice"),
            c => c.Open(Reg, "TR-2", AccountType.Trading, owner: "bob")),
        new(ExchangeAccountAlreadyOpen,
            c => [c.Open(Reg, "X-1", AccountType.ExchangeClearing, owner: "seee")],
            c => c.Open(Reg, "X-2", AccountType.ExchangeClearing, owner: "seee"),
            c => c.Open(Reg, "X-2", AccountType.Fee, owner: "seee")),
        new(AccountIsTerminalSink, None_,
            c => c.Suspend(Reg, "SYS-RETIRED"),
            c => c.Suspend(Reg, "E-2")),
        new(ToAccountIsTerminalSink, None_,
            c => c.Transfer("alice", "E-1", "SYS-CANCELLED", Cea, 5),
            c => c.Transfer("alice", "E-1", "E-2", Cea, 5)),
        new(ActorNotAuthority, None_,
            c => c.Suspend("alice", "E-2"),
            c => c.Suspend(Reg, "E-2")),
        new(ActorNotAccountHolder, None_,
            c => c.Transfer("bob", "E-1", "E-2", Cea, 5),
            c => c.Transfer("alice", "E-1", "E-2", Cea, 5)),
        new(AccountIsClosed,
            c => [c.Open(Reg, "OLD-1"), c.Close(Reg, "OLD-1")],
            c => c.Suspend(Reg, "OLD-1"),
            c => c.Suspend(Reg, "E-2")),
        new(ToAccountIsClosed,
            c => [c.Open(Reg, "OLD-1"), c.Close(Reg, "OLD-1")],
            c => c.Transfer("alice", "E-1", "OLD-1", Cea, 5),
            c => c.Transfer("alice", "E-1", "E-2", Cea, 5)),
        new(AccountIsSuspended,
            c => [c.Suspend(Reg, "E-2")],
            c => c.Suspend(Reg, "E-2"),
            c => c.Suspend(Reg, "E-3")),
        new(ToAccountIsSuspended,
            c => [c.Suspend(Reg, "E-2")],
            c => c.Transfer("alice", "E-1", "E-2", Cea, 5),
            c => c.Transfer("alice", "E-1", "E-3", Cea, 5)),
        new(AccountNotSuspended,
            c => [c.Suspend(Reg, "E-3")],
            c => c.Reinstate(Reg, "E-2"),
            c => c.Reinstate(Reg, "E-3")),
        new(AccountNotEmpty, None_,
            c => c.Close(Reg, "E-1"),
            c => c.Close(Reg, "E-2")),
        new(InstrumentUnknown, None_,
            c => c.Transfer("alice", "E-1", "E-2", "CEA-2025", 5),
            c => c.Transfer("alice", "E-1", "E-2", Cea, 5)),
        new(SerialsAlreadyIssued, None_,
            c => c.IssueCredits(Reg, "MEE", "E-2", Ccer, 100, 150),
            c => c.IssueCredits(Reg, "MEE", "E-2", Ccer, 101, 150)),
        new(SupplyLimitExceeded, None_,
            c => c.IssueAllowances(Reg, "MEE", "E-2", Cea, 1_001),
            c => c.IssueAllowances(Reg, "MEE", "E-2", Cea, 1_000),
            Limits: LedgerLimits.Default with { MaxSupplyPerInstrument = Co2e.FromTonnes(2_000) }),
        new(SerialsTerminal,
            c => [c.Retire("alice", "E-1", Ccer, 10)],
            c => c.Transfer("alice", "E-1", "E-2", Ccer, 10, new SerialRange(5, 14)),
            c => c.Transfer("alice", "E-1", "E-2", Ccer, 10, new SerialRange(11, 20))),
        new(SerialsNotOwned, None_,
            c => c.Transfer("alice", "E-1", "E-2", Ccer, 10, new SerialRange(95, 104)),
            c => c.Transfer("alice", "E-1", "E-2", Ccer, 10, new SerialRange(91, 100))),
        new(InsufficientAvailable, None_,
            c => c.Transfer("alice", "E-1", "E-2", Cea, 1_001),
            c => c.Transfer("alice", "E-1", "E-2", Cea, 1_000)),
        new(FreezeIdAlreadyUsed,
            c => [c.Freeze(Reg, "E-1", Cea, 10, "F-1")],
            c => c.Freeze(Reg, "E-1", Cea, 10, "F-1"),
            c => c.Freeze(Reg, "E-1", Cea, 10, "F-2")),
        new(FreezeUnknown,
            c => [c.Freeze(Reg, "E-1", Cea, 10, "F-1")],
            c => c.Unfreeze(Reg, "E-1", Cea, 10, "F-9"),
            c => c.Unfreeze(Reg, "E-1", Cea, 10, "F-1")),
        new(UnfreezeExceedsFrozen,
            c => [c.Freeze(Reg, "E-1", Cea, 10, "F-1")],
            c => c.Unfreeze(Reg, "E-1", Cea, 11, "F-1"),
            c => c.Unfreeze(Reg, "E-1", Cea, 10, "F-1")),
    ];

    public static TheoryData<LedgerRejection> TableCodes => [.. s_table.Select(r => r.Code)];

    [Theory]
    [MemberData(nameof(TableCodes))]
    public void Execute_CommandBreakingExactlyOneRule_IsRejectedWithThatCodeAndChangesNothing(LedgerRejection code)
    {
        RejectionCase row = s_table.Single(r => r.Code == code);
        var cmd = new CommandFactory();
        (Ledger ledger, ReferenceLedger oracle) = StandardRegistry(cmd, row.Limits);
        foreach (LedgerCommand setup in row.Arrange(cmd))
        {
            Assert.True(ledger.Execute(setup).IsAccepted, $"setup {setup}");
            Assert.True(oracle.Execute(setup).IsAccepted, $"oracle setup {setup}");
        }

        string hash = ledger.ComputeStateHash();
        long sequence = ledger.Sequence;
        int keys = ledger.RememberedKeys;
        LedgerCommand violating = row.Violating(cmd);

        Assert.Equal(CommandOutcome.Rejected(code), ledger.Execute(violating));
        Assert.Equal(CommandOutcome.Rejected(code), oracle.Execute(violating));
        Assert.Equal(hash, ledger.ComputeStateHash());
        Assert.Equal(sequence, ledger.Sequence);
        Assert.Equal(keys, ledger.RememberedKeys);

        // The corrected command differs only in the offending field and is accepted: the violating command
        // broke exactly the rule under test.
        LedgerCommand corrected = row.Corrected(cmd);
        Assert.Equal(new CommandOutcome(None, sequence + 1, false), ledger.Execute(corrected));
        Assert.Equal(new CommandOutcome(None, sequence + 1, false), oracle.Execute(corrected));
        LedgerComparison.AssertSameState(ledger, oracle, $"after corrected {code}", includeSerials: true);
        LedgerInvariants.AssertAll(ledger);
    }

    [Fact]
    public void RejectionTables_Rows_CoverEveryCodeOnceInDeclarationOrder()
    {
        // This table holds the registry's codes, ExchangeRejectionTests the exchange's; together, every code.
        List<LedgerRejection> declared = DeclaredCodes();
        List<LedgerRejection> registry = [.. s_table.Select(r => r.Code)];
        Assert.Equal(declared.Where(registry.Contains), registry);
        List<LedgerRejection> both = [.. registry, .. Exchange.ExchangeRejectionTests.Codes];
        Assert.Equal(both.Count, both.Distinct().Count());
        Assert.Equal(declared.Where(c => c != None), both.OrderBy(declared.IndexOf));
    }

    [Fact]
    public void LedgerRejection_DeclaredMembers_AreDistinctAndAscending()
    {
        List<LedgerRejection> declared = DeclaredCodes();
        Assert.Equal(None, declared[0]);
        Assert.Equal(0, (int)None);
        for (int i = 1; i < declared.Count; i++)
        {
            Assert.True((int)declared[i - 1] < (int)declared[i],
                $"{declared[i - 1]} ({(int)declared[i - 1]}) is declared before {declared[i]} ({(int)declared[i]})");
        }

        Assert.Equal(declared.Count, declared.Select(c => (int)c).Distinct().Count());
        Assert.Equal(Enum.GetValues<LedgerRejection>().Length, declared.Count);
    }

    /// <summary>Commands that break two rules: the earlier-declared rule wins. <c>WithoutFirst</c> repairs only
    /// the first violation and must then report the second, proving the command really broke both.</summary>
    private static readonly PrecedenceCase[] s_pairs =
    [
        new(QuantityMustBePositive, AccountUnknown,
            c => c.Retire("alice", "E-9", Cea, 0), c => c.Retire("alice", "E-9", Cea, 1)),
        new(QuantityMustBeWholeTonnes, SerialRangeInvalid,
            c => c.Transfer("alice", "E-1", "E-2", Ccer, 1, new SerialRange(0, 0))
                with { Quantity = Co2e.FromGrams(1) },
            c => c.Transfer("alice", "E-1", "E-2", Ccer, 1, new SerialRange(0, 0))),
        new(SerialRangeQuantityMismatch, SerialsNotApplicable,
            c => c.Transfer("alice", "E-1", "E-2", Cea, 3, new SerialRange(1, 2)),
            c => c.Transfer("alice", "E-1", "E-2", Cea, 2, new SerialRange(1, 2))),
        new(ReasonRequired, TextTooLong,
            c => c.Freeze(Reg, "E-1", Cea, 1, s_long257, reason: ""),
            c => c.Freeze(Reg, "E-1", Cea, 1, s_long257, reason: "order")),
        new(BeneficiaryRequired, PurposeRequired,
            c => c.Retire("alice", "E-1", Cea, 1, beneficiary: "", purpose: ""),
            c => c.Retire("alice", "E-1", Cea, 1, beneficiary: "Acme", purpose: "")),
        new(RetirementPeriodInvalid, AccountUnknown,
            c => c.Retire("alice", "E-9", Cea, 1) with { PeriodEnd = new NodaTime.LocalDate(2023, 1, 1) },
            c => c.Retire("alice", "E-9", Cea, 1)),
        new(AccountsMustBeDifferent, AccountUnknown,
            c => c.Transfer("alice", "E-9", "E-9", Cea, 1), c => c.Transfer("alice", "E-9", "E-8", Cea, 1)),
        new(AccountTypeNotOpenable, AccountIdReserved,
            c => c.Open(Reg, "SYS-X", AccountType.CancelledSink), c => c.Open(Reg, "SYS-X")),
        new(AccountIdReserved, AccountAlreadyExists,
            c => c.Open(Reg, "SYS-RETIRED") with { Type = AccountType.Fee },
            c => c.Open(Reg, "E-1") with { Type = AccountType.Fee }),
        new(AccountAlreadyExists, ActorNotAuthority,
            c => c.Open("alice", "E-2"), c => c.Open("alice", "E-9")),
        new(AccountUnknown, ToAccountUnknown,
            c => c.Transfer("alice", "E-8", "E-9", Cea, 1), c => c.Transfer("alice", "E-1", "E-9", Cea, 1)),
        new(ToAccountUnknown, AuthorityAccountUnknown,
            c => c.IssueAllowances(Reg, "MEE-9", "E-9", Cea, 1), c => c.IssueAllowances(Reg, "MEE-9", "E-2", Cea, 1)),
        new(AccountIsTerminalSink, ActorNotAccountHolder,
            c => c.Retire("alice", "SYS-RETIRED", Cea, 1), c => c.Retire("alice", "E-2", Cea, 1)),
        new(ToAccountIsTerminalSink, ActorNotAccountHolder,
            c => c.Transfer("bob", "E-1", "SYS-RETIRED", Cea, 1), c => c.Transfer("bob", "E-1", "E-2", Cea, 1)),
        new(ActorNotAuthority, AccountIsClosed,
            c => c.Suspend("alice", "OLD-1"), c => c.Suspend(Reg, "OLD-1")),
        new(ActorNotAccountHolder, AccountIsSuspended,
            c => c.Transfer("bob", "SUS-1", "E-2", Cea, 1), c => c.Transfer("dave", "SUS-1", "E-2", Cea, 1)),
        new(AccountIsSuspended, ToAccountIsSuspended,
            c => c.Transfer("dave", "SUS-1", "SUS-2", Cea, 1), c => c.Transfer("alice", "E-1", "SUS-2", Cea, 1)),
        new(ToAccountIsClosed, AccountIsSuspended,
            c => c.IssueAllowances("reg2", "PROV-SUS", "OLD-1", Cea, 1),
            c => c.IssueAllowances("reg2", "PROV-SUS", "E-2", Cea, 1)),
        new(ToAccountIsSuspended, InsufficientAvailable,
            c => c.Transfer("alice", "E-1", "SUS-2", Cea, 5_000),
            c => c.Transfer("alice", "E-1", "E-2", Cea, 5_000)),
        new(InstrumentUnknown, InsufficientAvailable,
            c => c.Transfer("alice", "E-1", "E-2", "CEA-2030", 5_000),
            c => c.Transfer("alice", "E-1", "E-2", Cea, 5_000)),
        new(SerialsTerminal, SerialsNotOwned,
            c => c.Transfer("alice", "E-1", "E-2", Ccer, 10, new SerialRange(96, 105)),
            c => c.Transfer("alice", "E-1", "E-2", Ccer, 5, new SerialRange(101, 105))),
        new(InsufficientAvailable, FreezeIdAlreadyUsed,
            c => c.Freeze(Reg, "E-1", Cea, 1_001, "F-OLD"), c => c.Freeze(Reg, "E-1", Cea, 5, "F-OLD")),
        new(FreezeUnknown, UnfreezeExceedsFrozen,
            c => c.Unfreeze(Reg, "E-2", Cea, 500, "F-OLD"), c => c.Unfreeze(Reg, "E-1", Cea, 500, "F-OLD")),
        new(IdempotencyKeyConflict, QuantityMustBePositive,
            c => c.Transfer("alice", "E-1", "E-2", Cea, 0, key: "used"),
            c => c.Transfer("alice", "E-1", "E-2", Cea, 0, key: "unused")),
    ];

    public static TheoryData<int> PairIndexes => [.. Enumerable.Range(0, s_pairs.Length)];

    [Theory]
    [MemberData(nameof(PairIndexes))]
    public void Execute_CommandBreakingTwoRules_ReportsTheEarlierDeclaredRule(int index)
    {
        PrecedenceCase pair = s_pairs[index];
        Assert.True(pair.First < pair.Second, $"{pair.First} is not declared before {pair.Second}");
        var cmd = new CommandFactory();
        (Ledger ledger, ReferenceLedger oracle) = StandardRegistry(cmd, null);
        foreach (LedgerCommand setup in PrecedenceSetup(cmd))
        {
            Assert.True(ledger.Execute(setup).IsAccepted, $"setup {setup}");
            Assert.True(oracle.Execute(setup).IsAccepted, $"oracle setup {setup}");
        }

        string hash = ledger.ComputeStateHash();
        LedgerCommand both = pair.Both(cmd);
        Assert.Equal(CommandOutcome.Rejected(pair.First), ledger.Execute(both));
        Assert.Equal(CommandOutcome.Rejected(pair.First), oracle.Execute(both));
        LedgerCommand onlySecond = pair.WithoutFirst(cmd);
        Assert.Equal(CommandOutcome.Rejected(pair.Second), ledger.Execute(onlySecond));
        Assert.Equal(CommandOutcome.Rejected(pair.Second), oracle.Execute(onlySecond));
        Assert.Equal(hash, ledger.ComputeStateHash());
        LedgerInvariants.AssertAll(ledger);
    }

    [Fact]
    public void SupplyLimit_DefaultLimits_AllowExactly1e11TonnesPerInstrument()
    {
        var cmd = new CommandFactory();
        (Ledger ledger, _) = StandardRegistry(cmd, null);
        var ccer = CommandFactory.Instr(Ccer);
        // 1,000 t of CEA-2024 exist already; fill up to 10^11 t with 10^9 t commands.
        for (int i = 0; i < 99; i++)
        {
            Assert.True(ledger.Execute(cmd.IssueAllowances(Reg, "MEE", "E-2", Cea, 1_000_000_000)).IsAccepted);
        }

        Assert.True(ledger.Execute(cmd.IssueAllowances(Reg, "MEE", "E-2", Cea, 999_999_000)).IsAccepted);
        Assert.Equal(CommandOutcome.Rejected(SupplyLimitExceeded),
            ledger.Execute(cmd.IssueAllowances(Reg, "MEE", "E-2", Cea, 1)));
        Assert.Equal(Co2e.FromTonnes(100_000_000_000),
            ledger.AllInstruments().Single(i => i.Id.ToString() == Cea).Issued);

        // Credits count serials against the same limit (10^9 serials per command at most); 100 exist.
        for (long i = 0; i < 100; i++)
        {
            long start = 1_000 + (i * 1_000_000_000);
            long count = i < 99 ? 1_000_000_000 : 1_000_000_000 - 100;
            Assert.True(ledger.Execute(cmd.IssueCredits(Reg, "MEE", "E-2", Ccer, start, start + count - 1)).IsAccepted);
        }

        Assert.Equal(CommandOutcome.Rejected(SupplyLimitExceeded),
            ledger.Execute(cmd.IssueCredits(Reg, "MEE", "E-2", Ccer, 999_999_999_990, 999_999_999_999)));
        Assert.Equal(Co2e.FromTonnes(100_000_000_000), ledger.AllInstruments().Single(i => i.Id == ccer).Issued);
    }

    [Theory]
    [InlineData(1, 1_000_000_000, true)]
    [InlineData(1, 1_000_000_001, false)]
    [InlineData(999_999_999_990, 999_999_999_999, true)]
    [InlineData(999_999_999_990, 1_000_000_000_000, false)]
    [InlineData(-1, 5, false)]
    [InlineData(10, 9, false)]
    [InlineData(7, 7, true)]
    public void IssueCredits_SerialRangeBounds_AreValidatedExactly(long first, long last, bool valid)
    {
        var cmd = new CommandFactory();
        var ledger = new Ledger();
        Assert.True(ledger.Execute(cmd.Open(Reg, "MEE", AccountType.Authority)).IsAccepted);
        Assert.True(ledger.Execute(cmd.Open(Reg, "E-1")).IsAccepted);
        CommandOutcome outcome = ledger.Execute(cmd.IssueCredits(Reg, "MEE", "E-1", Ccer, first, last));
        Assert.Equal(valid ? None : SerialRangeInvalid, outcome.Rejection);
    }

    [Fact]
    public void Open_UndefinedAccountType_IsNotOpenable()
    {
        var cmd = new CommandFactory();
        (Ledger ledger, _) = StandardRegistry(cmd, null);
        Assert.Equal(CommandOutcome.Rejected(AccountTypeNotOpenable),
            ledger.Execute(cmd.Open(Reg, "E-9", (AccountType)99)));
        Assert.Equal(CommandOutcome.Rejected(AccountTypeNotOpenable),
            ledger.Execute(cmd.Open(Reg, "E-9", (AccountType)0)));
    }

    private static (Ledger Ledger, ReferenceLedger Oracle) StandardRegistry(CommandFactory c, LedgerLimits? limits)
    {
        var ledger = new Ledger(limits);
        var oracle = new ReferenceLedger(limits);
        LedgerCommand[] setup =
        [
            c.Open("alice", "MEE", AccountType.Authority, owner: Reg),
            c.Open(Reg, "E-1", owner: "alice"),
            c.Open(Reg, "E-2", owner: "bob"),
            c.Open(Reg, "E-3", owner: "carol"),
            c.IssueAllowances(Reg, "MEE", "E-1", Cea, 1_000),
            c.IssueCredits(Reg, "MEE", "E-1", Ccer, 1, 100),
        ];
        foreach (LedgerCommand command in setup)
        {
            Assert.True(ledger.Execute(command).IsAccepted, $"setup {command}");
            Assert.True(oracle.Execute(command).IsAccepted, $"oracle setup {command}");
        }

        return (ledger, oracle);
    }

    /// <summary>Extra state for the pairs: closed OLD-1, suspended SUS-1 (dave) and SUS-2 with CEA, a
    /// suspended second authority PROV-SUS (reg2), retired serials 96–100, freeze F-OLD on E-1, key "used".</summary>
    private static LedgerCommand[] PrecedenceSetup(CommandFactory c) =>
    [
        c.Open(Reg, "OLD-1"), c.Close(Reg, "OLD-1"),
        c.Open(Reg, "SUS-1", owner: "dave"), c.Open(Reg, "SUS-2", owner: "erin"),
        c.Transfer("alice", "E-1", "SUS-1", Cea, 10), c.Transfer("alice", "E-1", "SUS-2", Cea, 10),
        c.Suspend(Reg, "SUS-1"), c.Suspend(Reg, "SUS-2"),
        c.Open(Reg, "PROV-SUS", AccountType.Authority, owner: "reg2"), c.Suspend(Reg, "PROV-SUS"),
        c.Retire("alice", "E-1", Ccer, 5, serials: new SerialRange(96, 100)),
        c.Freeze(Reg, "E-1", Cea, 100, "F-OLD"),
        c.Transfer("alice", "E-1", "E-3", Cea, 1, key: "used"),
    ];

    private static IEnumerable<LedgerCommand> None_(CommandFactory c) => [];

    private static List<LedgerRejection> DeclaredCodes() => typeof(LedgerRejection)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .OrderBy(f => f.MetadataToken)
        .Select(f => (LedgerRejection)f.GetValue(null)!)
        .ToList();

    private sealed record RejectionCase(
        LedgerRejection Code,
        Func<CommandFactory, IEnumerable<LedgerCommand>> Arrange,
        Func<CommandFactory, LedgerCommand> Violating,
        Func<CommandFactory, LedgerCommand> Corrected,
        LedgerLimits? Limits = null);

    private sealed record PrecedenceCase(
        LedgerRejection First,
        LedgerRejection Second,
        Func<CommandFactory, LedgerCommand> Both,
        Func<CommandFactory, LedgerCommand> WithoutFirst);
}
