using CarbonLedger.Domain.Accounts;
using CarbonLedger.Domain.Credits;
using CarbonLedger.Domain.Identity;
using CarbonLedger.Domain.Instruments;
using CarbonLedger.Domain.Invariants;
using CarbonLedger.Domain.Quantities;
using CarbonLedger.Domain.Registry;
using CarbonLedger.Domain.Tests.Registry.Support;
using CarbonLedger.Testing.Builders;
using static CarbonLedger.Domain.Registry.LedgerRejection;
using static CarbonLedger.Domain.Tests.Registry.Support.LedgerHarness;

namespace CarbonLedger.Domain.Tests.Registry;

public sealed class LedgerScenarioTests
{
    private static readonly AccountId s_e1 = AccountId.Of("E-1");
    private static readonly AccountId s_e2 = AccountId.Of("E-2");
    private static readonly InstrumentId s_cea = InstrumentId.Parse(Cea);
    private static readonly InstrumentId s_ccer = InstrumentId.Parse(Ccer);

    // ------------------------------------------------------------ genesis and authority

    [Fact]
    public void NewLedger_Start_HasOnlyTheThreeSinksOwnedBySystem()
    {
        var ledger = new Ledger();
        Assert.Equal(0, ledger.Sequence);
        var accounts = ledger.AllAccounts().OrderBy(a => a.Id).ToList();
        Assert.Equal(
        [
            new AccountInfo(SinkAccounts.Cancelled, AccountType.CancelledSink, ActorId.Of("SYSTEM"),
                AccountStatus.Open),
            new AccountInfo(SinkAccounts.Retired, AccountType.RetiredSink, ActorId.Of("SYSTEM"), AccountStatus.Open),
            new AccountInfo(SinkAccounts.Surrendered, AccountType.SurrenderedSink, ActorId.Of("SYSTEM"),
                AccountStatus.Open),
        ], accounts);
        Assert.Empty(ledger.AllInstruments());
        Assert.Empty(ledger.AllSerialHoldings());
        Assert.Empty(ledger.AllFreezes());
        Assert.All(ledger.AllPositions(), p => Assert.True(p.Position.IsEmpty));
    }

    [Fact]
    public void Genesis_FirstAuthorityAccount_MayBeOpenedByAnyone()
    {
        var h = new LedgerHarness();
        var opened = h.Accept<AccountOpened>(h.Cmd.Open("alice", "MEE", AccountType.Authority, owner: "reg"));
        Assert.Equal(new AccountOpened(opened.At, AccountId.Of("MEE"), AccountType.Authority, ActorId.Of("reg")),
            opened);
        Assert.Equal(AccountStatus.Open, h.Ledger.FindAccount(AccountId.Of("MEE"))!.Value.Status);

        // Genesis is over: alice owns no authority account, reg does.
        h.Reject(h.Cmd.Open("alice", "PROV-SH", AccountType.Authority), ActorNotAuthority);
        h.Reject(h.Cmd.Open("alice", "E-1"), ActorNotAuthority);
        h.Accept(h.Cmd.Open("reg", "PROV-SH", AccountType.Authority, owner: "shanghai"));
        h.Accept(h.Cmd.Open("shanghai", "E-1", owner: "alice"));
    }

    [Fact]
    public void Genesis_NonAuthorityAccountFirst_IsRejected()
    {
        var h = new LedgerHarness();
        h.Reject(h.Cmd.Open("alice", "E-1"), ActorNotAuthority);
        h.Accept(h.Cmd.Open("alice", "MEE", AccountType.Authority, owner: "reg"));
    }

    [Fact]
    public void Genesis_AfterTheOnlyAuthorityWasClosed_IsNeverAvailableAgain()
    {
        var h = new LedgerHarness();
        h.Accept(h.Cmd.Open("reg", "MEE", AccountType.Authority));
        h.Accept(h.Cmd.Close("reg", "MEE"));
        Assert.Equal(AccountStatus.Closed, h.Ledger.FindAccount(AccountId.Of("MEE"))!.Value.Status);
        h.Reject(h.Cmd.Open("reg", "MEE-2", AccountType.Authority), ActorNotAuthority);
        h.Reject(h.Cmd.Open("alice", "MEE-3", AccountType.Authority), ActorNotAuthority);
    }

    [Fact]
    public void Authority_SuspendedAuthorityAccount_NoLongerGrantsAuthority()
    {
        LedgerHarness h = WithAccounts(("E-1", "alice"));
        h.Accept(h.Cmd.Open(Regulator, "PROV-SH", AccountType.Authority, owner: "shanghai"));
        h.Accept(h.Cmd.Suspend("shanghai", Authority));
        h.Reject(h.Cmd.Open(Regulator, "E-2"), ActorNotAuthority);
        h.Reject(h.Cmd.Suspend(Regulator, "E-1"), ActorNotAuthority);
        h.Reject(h.Cmd.IssueAllowances(Regulator, Authority, "E-1", Cea, 10), AccountIsSuspended);
        h.Accept(h.Cmd.Reinstate("shanghai", Authority));
        h.Accept(h.Cmd.Open(Regulator, "E-2"));
        h.Accept(h.Cmd.IssueAllowances(Regulator, Authority, "E-1", Cea, 10));
    }

    [Fact]
    public void Issue_NamedAuthorityNotHeldByActorOrNotAuthority_IsRejected()
    {
        LedgerHarness h = WithAccounts(("E-1", "alice"));
        h.Accept(h.Cmd.Open(Regulator, "PROV-SH", AccountType.Authority, owner: "shanghai"));
        // shanghai is an authority, but MEE is not its account.
        h.Reject(h.Cmd.IssueAllowances("shanghai", Authority, "E-1", Cea, 10), ActorNotAuthority);
        // alice holds E-1, but E-1 is not an authority account.
        h.Reject(h.Cmd.IssueAllowances("alice", "E-1", "E-1", Cea, 10), ActorNotAuthority);
        h.Accept(h.Cmd.IssueAllowances("shanghai", "PROV-SH", "E-1", Cea, 10));
        Assert.Equal(Co2e.FromTonnes(10), h.Ledger.GetPosition(s_e1, s_cea).Available);
    }

    // ------------------------------------------------------------ allowances

    [Fact]
    public void Allowances_IssueTransferRetire_MoveUnitsAndCertifyTheRetirement()
    {
        LedgerHarness h = WithAccounts(("E-1", "alice"), ("E-2", "bob"));
        var issued = h.Accept<AllowancesIssued>(h.Cmd.IssueAllowances(Regulator, Authority, "E-1", Cea, 1_000));
        Assert.Equal(new AllowancesIssued(issued.At, AccountId.Of(Authority), s_e1, s_cea, Co2e.FromTonnes(1_000)),
            issued);

        var moved = h.Accept<UnitsTransferred>(h.Cmd.Transfer("alice", "E-1", "E-2", Cea, 300));
        Assert.Equal(Co2e.FromTonnes(300), moved.Quantity);
        Assert.Empty(moved.Serials);

        RetireUnits retire = h.Cmd.Retire("bob", "E-2", Cea, 100, beneficiary: "Bob's Bakery", purpose: "FY2024");
        var retired = h.Accept<UnitsRetired>(retire);
        long sequence = h.Ledger.Sequence;
        Assert.Equal(RetirementCertificate.IdFor(sequence), retired.CertificateId);
        Assert.Equal("Bob's Bakery", retired.Beneficiary);
        Assert.Equal("FY2024", retired.Purpose);
        Assert.Equal(CommandFactory.PeriodStart, retired.PeriodStart);
        Assert.Equal(CommandFactory.PeriodEnd, retired.PeriodEnd);
        Assert.Empty(retired.Serials);

        RetirementCertificate certificate = RetirementCertificate.From(retired, sequence);
        Assert.Equal(sequence, certificate.LedgerSequence);
        Assert.Equal(retired.At, certificate.RetiredAt);
        Assert.Equal(s_e2, certificate.Account);
        Assert.Equal(Co2e.FromTonnes(100), certificate.Quantity);

        Assert.Equal(Co2e.FromTonnes(700), h.Ledger.GetPosition(s_e1, s_cea).Available);
        Assert.Equal(Co2e.FromTonnes(200), h.Ledger.GetPosition(s_e2, s_cea).Available);
        Assert.Equal(Co2e.FromTonnes(100), h.Ledger.GetPosition(SinkAccounts.Retired, s_cea).Available);
        Assert.Equal([new InstrumentInfo(s_cea, Co2e.FromTonnes(1_000))], h.Ledger.AllInstruments());
    }

    [Fact]
    public void Allowances_CancelAndSurrender_MoveToTheirSinksWithEventData()
    {
        LedgerHarness h = WithAccounts(("E-1", "alice"));
        h.Accept(h.Cmd.IssueAllowances(Regulator, Authority, "E-1", Cea, 100));
        var cancelled = h.Accept<UnitsCancelled>(h.Cmd.Cancel("alice", "E-1", Cea, 10, reason: "voluntary"));
        Assert.Equal("voluntary", cancelled.Reason);
        Assert.Equal(Co2e.FromTonnes(10), cancelled.Quantity);
        var surrendered = h.Accept<UnitsSurrendered>(h.Cmd.Surrender("alice", "E-1", Cea, 60, year: 2024));
        Assert.Equal(Vintage.Of(2024), surrendered.ComplianceYear);
        Assert.Equal(Co2e.FromTonnes(30), h.Ledger.GetPosition(s_e1, s_cea).Available);
        Assert.Equal(Co2e.FromTonnes(10), h.Ledger.GetPosition(SinkAccounts.Cancelled, s_cea).Available);
        Assert.Equal(Co2e.FromTonnes(60), h.Ledger.GetPosition(SinkAccounts.Surrendered, s_cea).Available);
        h.Reject(h.Cmd.Surrender("alice", "E-1", Cea, 31), InsufficientAvailable);
    }

    [Fact]
    public void Sequence_AcceptedCommands_AreNumberedOneTwoThreeWithoutGaps()
    {
        var ledger = new Ledger();
        var cmd = new CommandFactory();
        CommandOutcome Execute(LedgerCommand command)
        {
            CommandOutcome outcome = ledger.Execute(command);
            LedgerInvariants.AssertAll(ledger);
            return outcome;
        }

        Assert.Equal(new CommandOutcome(None, 1, false), Execute(cmd.Open("reg", "MEE", AccountType.Authority)));
        Assert.Equal(CommandOutcome.Rejected(ActorNotAuthority), Execute(cmd.Open("alice", "E-0")));
        Assert.Equal(new CommandOutcome(None, 2, false), Execute(cmd.Open("reg", "E-1", owner: "alice")));
        Assert.Equal(new CommandOutcome(None, 3, false), Execute(cmd.Open("reg", "E-2", owner: "bob")));
        Assert.Equal(new CommandOutcome(None, 4, false), Execute(cmd.IssueAllowances("reg", "MEE", "E-1", Cea, 5)));
        Assert.Equal(CommandOutcome.Rejected(InsufficientAvailable),
            Execute(cmd.Transfer("alice", "E-1", "E-2", Cea, 6)));
        Assert.Equal(CommandOutcome.Rejected(ActorNotAccountHolder),
            Execute(cmd.Transfer("reg", "E-1", "E-2", Cea, 5)));
        Assert.Equal(new CommandOutcome(None, 5, false), Execute(cmd.Transfer("alice", "E-1", "E-2", Cea, 5)));
        Assert.Equal(5, ledger.Sequence);
    }

    // ------------------------------------------------------------ credits

    [Fact]
    public void Credits_Retire30Of100_RetiresLowestSerialsAndGuardsTheRest()
    {
        // domain.md §10.5 #16
        LedgerHarness h = WithAccounts(("E-1", "alice"), ("E-2", "bob"));
        var issued = h.Accept<CreditsIssued>(h.Cmd.IssueCredits(Regulator, Authority, "E-1", Ccer, 1, 100, "PRJ-7"));
        Assert.Equal(new SerialRange(1, 100), issued.Serials);
        Assert.Equal("PRJ-7", issued.Project);

        var retired = h.Accept<UnitsRetired>(h.Cmd.Retire("alice", "E-1", Ccer, 30));
        Assert.Equal([new SerialRange(1, 30)], retired.Serials);
        Assert.Equal(RetirementCertificate.IdFor(h.Ledger.Sequence), retired.CertificateId);
        Assert.Equal(
        [
            (new SerialRange(1, 30), "SYS-RETIRED", Bucket.Available, (string?)null),
            (new SerialRange(31, 100), "E-1", Bucket.Available, null),
        ], h.Serials(Ccer));
        Assert.Equal(Co2e.FromTonnes(70), h.Ledger.GetPosition(s_e1, s_ccer).Available);

        h.Reject(h.Cmd.Transfer("alice", "E-1", "E-2", Ccer, 80), InsufficientAvailable);
        h.Reject(h.Cmd.Retire("alice", "E-1", Ccer, 1, serials: new SerialRange(25, 25)), SerialsTerminal);
        h.Accept(h.Cmd.Transfer("alice", "E-1", "E-2", Ccer, 70));
        Assert.Equal([(new SerialRange(1, 30), "SYS-RETIRED", Bucket.Available, (string?)null),
            (new SerialRange(31, 100), "E-2", Bucket.Available, null)], h.Serials(Ccer));
    }

    [Fact]
    public void Credits_PartialMovements_SplitSerialBlocksExactly()
    {
        LedgerHarness h = WithAccounts(("E-1", "alice"), ("E-2", "bob"));
        h.Accept(h.Cmd.IssueCredits(Regulator, Authority, "E-1", Ccer, 1, 100));

        var named = h.Accept<UnitsTransferred>(
            h.Cmd.Transfer("alice", "E-1", "E-2", Ccer, 20, new SerialRange(40, 59)));
        Assert.Equal([new SerialRange(40, 59)], named.Serials);
        Assert.Equal(
        [
            (new SerialRange(1, 39), "E-1", Bucket.Available, (string?)null),
            (new SerialRange(40, 59), "E-2", Bucket.Available, null),
            (new SerialRange(60, 100), "E-1", Bucket.Available, null),
        ], h.Serials(Ccer));

        // By quantity: the lowest serials E-1 holds, across the gap.
        var lowest = h.Accept<UnitsTransferred>(h.Cmd.Transfer("alice", "E-1", "E-2", Ccer, 50));
        Assert.Equal([new SerialRange(1, 39), new SerialRange(60, 70)], lowest.Serials);
        Assert.Equal(
        [
            (new SerialRange(1, 70), "E-2", Bucket.Available, (string?)null),
            (new SerialRange(71, 100), "E-1", Bucket.Available, null),
        ], h.Serials(Ccer));
        Assert.Equal(Co2e.FromTonnes(70), h.Ledger.GetPosition(s_e2, s_ccer).Available);
        Assert.Equal(Co2e.FromTonnes(30), h.Ledger.GetPosition(s_e1, s_ccer).Available);

        // A single serial out of the middle of a block.
        var one = h.Accept<UnitsCancelled>(h.Cmd.Cancel("bob", "E-2", Ccer, 1, serials: new SerialRange(35, 35)));
        Assert.Equal([new SerialRange(35, 35)], one.Serials);
        Assert.Equal(
        [
            (new SerialRange(1, 34), "E-2", Bucket.Available, (string?)null),
            (new SerialRange(35, 35), "SYS-CANCELLED", Bucket.Available, null),
            (new SerialRange(36, 70), "E-2", Bucket.Available, null),
            (new SerialRange(71, 100), "E-1", Bucket.Available, null),
        ], h.Serials(Ccer));
        h.Reject(h.Cmd.Transfer("bob", "E-2", "E-1", Ccer, 3, new SerialRange(34, 36)), SerialsTerminal);
        h.Reject(h.Cmd.Transfer("bob", "E-2", "E-1", Ccer, 3, new SerialRange(69, 71)), SerialsNotOwned);
        h.Reject(h.Cmd.Transfer("bob", "E-2", "E-1", Ccer, 3, new SerialRange(99, 101)), SerialsNotOwned);
    }

    [Fact]
    public void Credits_AdjacentIssuances_MoveAsOneCoalescedRange()
    {
        LedgerHarness h = WithAccounts(("E-1", "alice"), ("E-2", "bob"));
        h.Accept(h.Cmd.IssueCredits(Regulator, Authority, "E-1", Ccer, 1, 50, "PRJ-A"));
        h.Accept(h.Cmd.IssueCredits(Regulator, Authority, "E-1", Ccer, 51, 100, "PRJ-B"));
        var moved = h.Accept<UnitsTransferred>(
            h.Cmd.Transfer("alice", "E-1", "E-2", Ccer, 41, new SerialRange(30, 70)));
        Assert.Equal([new SerialRange(30, 70)], moved.Serials);
        var rest = h.Accept<UnitsSurrendered>(h.Cmd.Surrender("alice", "E-1", Ccer, 59));
        Assert.Equal([new SerialRange(1, 29), new SerialRange(71, 100)], rest.Serials);
        h.Reject(h.Cmd.IssueCredits(Regulator, Authority, "E-1", Ccer, 100, 120), SerialsAlreadyIssued);
        h.Reject(h.Cmd.IssueCredits(Regulator, Authority, "E-1", Ccer, 1, 1), SerialsAlreadyIssued);
        h.Accept(h.Cmd.IssueCredits(Regulator, Authority, "E-1", Ccer, 101, 120));
        // Serials are per instrument: the same numbers may exist for another credit instrument.
        h.Accept(h.Cmd.IssueCredits(Regulator, Authority, "E-1", "SHCER-2025", 1, 100));
        h.Accept(h.Cmd.IssueCredits(Regulator, Authority, "E-1", "CCER-2024", 1, 100));
    }

    // ------------------------------------------------------------ freezes

    [Fact]
    public void Freeze_JudicialFreezeOfAllowances_BlocksSurrenderOfFrozenUnits()
    {
        LedgerHarness h = WithAccounts(("E-1", "alice"));
        h.Accept(h.Cmd.IssueAllowances(Regulator, Authority, "E-1", Cea, 120_000));
        var frozen = h.Accept<UnitsFrozen>(h.Cmd.Freeze(Regulator, "E-1", Cea, 50_000, "COURT-2024-001"));
        Assert.Equal("COURT-2024-001", frozen.FreezeId);
        Assert.Empty(frozen.Serials);
        Assert.Equal(new Position(Co2e.FromTonnes(70_000), Co2e.Zero, Co2e.Zero, Co2e.FromTonnes(50_000), Co2e.Zero),
            h.Ledger.GetPosition(s_e1, s_cea));

        h.Reject(h.Cmd.Surrender("alice", "E-1", Cea, 100_000), InsufficientAvailable);
        h.Accept(h.Cmd.Surrender("alice", "E-1", Cea, 70_000));
        h.Reject(h.Cmd.Transfer("alice", "E-1", SinkAccounts.Retired.Value, Cea, 1), ToAccountIsTerminalSink);
        h.Reject(h.Cmd.Surrender("alice", "E-1", Cea, 1), InsufficientAvailable);

        var released = h.Accept<UnitsUnfrozen>(h.Cmd.Unfreeze(Regulator, "E-1", Cea, 20_000, "COURT-2024-001"));
        Assert.Equal(Co2e.FromTonnes(20_000), released.Quantity);
        Assert.Equal(new FreezeInfo("COURT-2024-001", s_e1, s_cea, Co2e.FromTonnes(30_000)),
            Assert.Single(h.Ledger.AllFreezes()));
        h.Reject(h.Cmd.Unfreeze(Regulator, "E-1", Cea, 30_001, "COURT-2024-001"), UnfreezeExceedsFrozen);
        h.Accept(h.Cmd.Unfreeze(Regulator, "E-1", Cea, 30_000, "COURT-2024-001"));
        Assert.Equal(Co2e.FromTonnes(50_000), h.Ledger.GetPosition(s_e1, s_cea).Available);
        Assert.Equal(Co2e.Zero, h.Ledger.GetPosition(s_e1, s_cea).Frozen);
        h.Reject(h.Cmd.Unfreeze(Regulator, "E-1", Cea, 1, "COURT-2024-001"), UnfreezeExceedsFrozen);
        // Ids are never reused, even once fully released.
        h.Reject(h.Cmd.Freeze(Regulator, "E-1", Cea, 1, "COURT-2024-001"), FreezeIdAlreadyUsed);
        h.Accept(h.Cmd.Freeze(Regulator, "E-1", Cea, 1, "COURT-2024-002"));
    }

    [Fact]
    public void Freeze_Credits_FreezeNamedAndLowestSerialsAndUnfreezeLowestFrozenFirst()
    {
        LedgerHarness h = WithAccounts(("E-1", "alice"), ("E-2", "bob"));
        h.Accept(h.Cmd.IssueCredits(Regulator, Authority, "E-1", Ccer, 1, 100));
        var named = h.Accept<UnitsFrozen>(
            h.Cmd.Freeze(Regulator, "E-1", Ccer, 10, "F-1", serials: new SerialRange(51, 60)));
        Assert.Equal([new SerialRange(51, 60)], named.Serials);
        var lowest = h.Accept<UnitsFrozen>(h.Cmd.Freeze(Regulator, "E-1", Ccer, 10, "F-2"));
        Assert.Equal([new SerialRange(1, 10)], lowest.Serials);
        Assert.Equal(
        [
            (new SerialRange(1, 10), "E-1", Bucket.Frozen, "F-2"),
            (new SerialRange(11, 50), "E-1", Bucket.Available, null),
            (new SerialRange(51, 60), "E-1", Bucket.Frozen, "F-1"),
            (new SerialRange(61, 100), "E-1", Bucket.Available, null),
        ], h.Serials(Ccer));

        h.Reject(h.Cmd.Transfer("alice", "E-1", "E-2", Ccer, 5, new SerialRange(56, 60)), SerialsNotOwned);
        h.Reject(h.Cmd.Retire("alice", "E-1", Ccer, 5, serials: new SerialRange(1, 5)), SerialsNotOwned);
        h.Reject(h.Cmd.Freeze(Regulator, "E-1", Ccer, 5, "F-3", serials: new SerialRange(8, 12)), SerialsNotOwned);
        h.Reject(h.Cmd.Unfreeze(Regulator, "E-1", Ccer, 5, "F-1") with { Instrument = s_cea }, InstrumentUnknown);

        var released = h.Accept<UnitsUnfrozen>(h.Cmd.Unfreeze(Regulator, "E-1", Ccer, 5, "F-1"));
        Assert.Equal([new SerialRange(51, 55)], released.Serials);
        var moved = h.Accept<UnitsTransferred>(h.Cmd.Transfer("alice", "E-1", "E-2", Ccer, 45));
        Assert.Equal([new SerialRange(11, 55)], moved.Serials);
        Assert.Equal(
        [
            (new SerialRange(1, 10), "E-1", Bucket.Frozen, "F-2"),
            (new SerialRange(11, 55), "E-2", Bucket.Available, (string?)null),
            (new SerialRange(56, 60), "E-1", Bucket.Frozen, "F-1"),
            (new SerialRange(61, 100), "E-1", Bucket.Available, null),
        ], h.Serials(Ccer));
    }

    [Fact]
    public void Freeze_UnknownOrForeignFreezeId_IsFreezeUnknown()
    {
        LedgerHarness h = WithAccounts(("E-1", "alice"), ("E-2", "bob"));
        h.Accept(h.Cmd.IssueAllowances(Regulator, Authority, "E-1", Cea, 100));
        h.Accept(h.Cmd.IssueAllowances(Regulator, Authority, "E-2", Cea, 100));
        h.Accept(h.Cmd.IssueAllowances(Regulator, Authority, "E-1", "CEA-2025", 100));
        h.Accept(h.Cmd.Freeze(Regulator, "E-1", Cea, 10, "F-1"));
        h.Reject(h.Cmd.Unfreeze(Regulator, "E-2", Cea, 1, "F-1"), FreezeUnknown);
        h.Reject(h.Cmd.Unfreeze(Regulator, "E-1", "CEA-2025", 1, "F-1"), FreezeUnknown);
        h.Reject(h.Cmd.Unfreeze(Regulator, "E-1", Cea, 1, "F-9"), FreezeUnknown);
        h.Reject(h.Cmd.Freeze(Regulator, "E-2", Cea, 10, "F-1"), FreezeIdAlreadyUsed);
        h.Accept(h.Cmd.Unfreeze(Regulator, "E-1", Cea, 10, "F-1"));
    }

    [Fact]
    public void Freeze_SuspendedAccount_IgnoresSuspension()
    {
        LedgerHarness h = WithAccounts(("E-1", "alice"));
        h.Accept(h.Cmd.IssueAllowances(Regulator, Authority, "E-1", Cea, 100));
        h.Accept(h.Cmd.Suspend(Regulator, "E-1"));
        h.Accept(h.Cmd.Freeze(Regulator, "E-1", Cea, 40, "F-1"));
        h.Accept(h.Cmd.Unfreeze(Regulator, "E-1", Cea, 15, "F-1"));
        Assert.Equal(new Position(Co2e.FromTonnes(75), Co2e.Zero, Co2e.Zero, Co2e.FromTonnes(25), Co2e.Zero),
            h.Ledger.GetPosition(s_e1, s_cea));
    }

    // ------------------------------------------------------------ account life cycle

    [Fact]
    public void Suspend_SuspendedAccount_NeitherSendsNorReceivesUntilReinstated()
    {
        LedgerHarness h = WithAccounts(("E-1", "alice"), ("E-2", "bob"));
        h.Accept(h.Cmd.IssueAllowances(Regulator, Authority, "E-1", Cea, 100));
        h.Accept(h.Cmd.IssueAllowances(Regulator, Authority, "E-2", Cea, 100));
        var suspended = h.Accept<AccountSuspended>(h.Cmd.Suspend(Regulator, "E-2", "AML review"));
        Assert.Equal("AML review", suspended.Reason);
        Assert.Equal(AccountStatus.Suspended, h.Ledger.FindAccount(s_e2)!.Value.Status);

        h.Reject(h.Cmd.Transfer("alice", "E-1", "E-2", Cea, 1), ToAccountIsSuspended);
        h.Reject(h.Cmd.Transfer("bob", "E-2", "E-1", Cea, 1), AccountIsSuspended);
        h.Reject(h.Cmd.Retire("bob", "E-2", Cea, 1), AccountIsSuspended);
        h.Reject(h.Cmd.Cancel("bob", "E-2", Cea, 1), AccountIsSuspended);
        h.Reject(h.Cmd.Surrender("bob", "E-2", Cea, 1), AccountIsSuspended);
        h.Reject(h.Cmd.IssueAllowances(Regulator, Authority, "E-2", Cea, 1), ToAccountIsSuspended);
        h.Reject(h.Cmd.Suspend(Regulator, "E-2"), AccountIsSuspended);

        var reinstated = h.Accept<AccountReinstated>(h.Cmd.Reinstate(Regulator, "E-2", "cleared"));
        Assert.Equal("cleared", reinstated.Reason);
        h.Reject(h.Cmd.Reinstate(Regulator, "E-2"), AccountNotSuspended);
        h.Accept(h.Cmd.Transfer("alice", "E-1", "E-2", Cea, 1));
        h.Accept(h.Cmd.Transfer("bob", "E-2", "E-1", Cea, 2));
        h.Accept(h.Cmd.IssueAllowances(Regulator, Authority, "E-2", Cea, 1));
        Assert.Equal(Co2e.FromTonnes(100), h.Ledger.GetPosition(s_e2, s_cea).Available);
    }

    [Fact]
    public void Close_AccountHoldingUnits_IsRejectedUntilEmpty()
    {
        LedgerHarness h = WithAccounts(("E-1", "alice"), ("E-2", "bob"));
        h.Accept(h.Cmd.IssueAllowances(Regulator, Authority, "E-1", Cea, 100));
        h.Accept(h.Cmd.IssueCredits(Regulator, Authority, "E-1", Ccer, 1, 5));
        h.Reject(h.Cmd.Close(Regulator, "E-1"), AccountNotEmpty);
        h.Accept(h.Cmd.Transfer("alice", "E-1", "E-2", Cea, 100));
        h.Reject(h.Cmd.Close(Regulator, "E-1"), AccountNotEmpty);
        h.Accept(h.Cmd.Freeze(Regulator, "E-1", Ccer, 5, "F-1"));
        h.Reject(h.Cmd.Close(Regulator, "E-1"), AccountNotEmpty); // frozen units count
        h.Accept(h.Cmd.Unfreeze(Regulator, "E-1", Ccer, 5, "F-1"));
        h.Accept(h.Cmd.Retire("alice", "E-1", Ccer, 5));
        h.Reject(h.Cmd.Close("alice", "E-1"), ActorNotAuthority);
        var closed = h.Accept<AccountClosed>(h.Cmd.Close(Regulator, "E-1"));
        Assert.Equal(s_e1, closed.Account);
        Assert.Equal(AccountStatus.Closed, h.Ledger.FindAccount(s_e1)!.Value.Status);
    }

    [Fact]
    public void Close_ClosedAccount_IsAbsorbing()
    {
        LedgerHarness h = WithAccounts(("E-1", "alice"), ("E-2", "bob"));
        h.Accept(h.Cmd.IssueAllowances(Regulator, Authority, "E-2", Cea, 100));
        h.Accept(h.Cmd.Close(Regulator, "E-1"));

        h.Reject(h.Cmd.Close(Regulator, "E-1"), AccountIsClosed);
        h.Reject(h.Cmd.Suspend(Regulator, "E-1"), AccountIsClosed);
        h.Reject(h.Cmd.Reinstate(Regulator, "E-1"), AccountIsClosed);
        h.Reject(h.Cmd.Open(Regulator, "E-1"), AccountAlreadyExists);
        h.Reject(h.Cmd.Transfer("bob", "E-2", "E-1", Cea, 1), ToAccountIsClosed);
        h.Reject(h.Cmd.Transfer("alice", "E-1", "E-2", Cea, 1), AccountIsClosed);
        h.Reject(h.Cmd.Retire("alice", "E-1", Cea, 1), AccountIsClosed);
        h.Reject(h.Cmd.IssueAllowances(Regulator, Authority, "E-1", Cea, 1), ToAccountIsClosed);
        h.Reject(h.Cmd.Freeze(Regulator, "E-1", Cea, 1, "F-1"), AccountIsClosed);
        h.Reject(h.Cmd.Unfreeze(Regulator, "E-1", Cea, 1, "F-1"), AccountIsClosed);
        Assert.Equal(AccountStatus.Closed, h.Ledger.FindAccount(s_e1)!.Value.Status);
    }

    [Fact]
    public void Close_SuspendedEmptyAccount_IsAllowed()
    {
        LedgerHarness h = WithAccounts(("E-1", "alice"));
        h.Accept(h.Cmd.Suspend(Regulator, "E-1"));
        h.Accept(h.Cmd.Close(Regulator, "E-1"));
        h.Reject(h.Cmd.Reinstate(Regulator, "E-1"), AccountIsClosed);
    }

    // ------------------------------------------------------------ replay

    [Fact]
    public void Replay_DecidedEventsFoldedThroughEvolve_ReproduceTheStateHash()
    {
        LedgerHarness h = WithAccounts(("E-1", "alice"), ("E-2", "bob"), ("E-3", "carol"));
        h.Accept(h.Cmd.IssueAllowances(Regulator, Authority, "E-1", Cea, 5_000));
        h.Accept(h.Cmd.IssueCredits(Regulator, Authority, "E-2", Ccer, 1, 500));
        h.Accept(h.Cmd.Transfer("alice", "E-1", "E-3", Cea, 1_200));
        h.Accept(h.Cmd.Transfer("bob", "E-2", "E-1", Ccer, 50, new SerialRange(101, 150)));
        h.Accept(h.Cmd.Freeze(Regulator, "E-2", Ccer, 25, "F-1"));
        h.Accept(h.Cmd.Retire("alice", "E-1", Ccer, 10));
        h.Accept(h.Cmd.Surrender("carol", "E-3", Cea, 200));
        h.Accept(h.Cmd.Cancel("alice", "E-1", Cea, 3));
        h.Accept(h.Cmd.Unfreeze(Regulator, "E-2", Ccer, 5, "F-1"));
        h.Accept(h.Cmd.Suspend(Regulator, "E-3"));
        TransferUnits last = h.Cmd.Transfer("alice", "E-1", "E-2", Cea, 7);
        h.Accept(last);

        Ledger replica = h.Replay();
        Assert.Equal(h.Ledger.Sequence, replica.Sequence);
        Assert.Equal(h.Ledger.ComputeStateHash(), replica.ComputeStateHash());
        Assert.Equal(h.Ledger.RememberedKeys, replica.RememberedKeys);
        // Replay restores idempotency too.
        Assert.Equal(new CommandOutcome(None, h.Ledger.Sequence, true), replica.Execute(last));
        Assert.Equal(CommandOutcome.Rejected(IdempotencyKeyConflict),
            replica.Execute(last with { Quantity = Co2e.FromTonnes(8) }));
    }

    [Fact]
    public void StateHash_DifferentStates_Differ()
    {
        LedgerHarness a = WithAccounts(("E-1", "alice"));
        LedgerHarness b = WithAccounts(("E-1", "alice"));
        Assert.Equal(a.Ledger.ComputeStateHash(), b.Ledger.ComputeStateHash());
        a.Accept(a.Cmd.IssueAllowances(Regulator, Authority, "E-1", Cea, 10));
        b.Accept(b.Cmd.IssueAllowances(Regulator, Authority, "E-1", Cea, 11));
        Assert.NotEqual(a.Ledger.ComputeStateHash(), b.Ledger.ComputeStateHash());
    }
}
