using CarbonLedger.Domain.Accounts;
using CarbonLedger.Domain.Identity;
using CarbonLedger.Domain.Instruments;
using CarbonLedger.Domain.Quantities;
using CarbonLedger.Domain.Registry;
using CarbonLedger.Domain.Tests.Registry.Support;
using static CarbonLedger.Domain.Registry.LedgerRejection;
using static CarbonLedger.Domain.Tests.Registry.Support.LedgerHarness;

namespace CarbonLedger.Domain.Tests.Registry;

public sealed class ForcedSurrenderTests
{
    private static readonly AccountId s_e1 = AccountId.Of("E-1");

    [Fact]
    public void ForcedSurrender_Scenario9FrozenUnits_RegulatorCoversTheShortfall()
    {
        // domain.md §10.5 scenario 9: 120,000 held, 50,000 frozen, obligation 100,000.
        LedgerHarness h = WithAccounts(("E-1", "alice"));
        h.Accept(h.Cmd.IssueAllowances(Regulator, Authority, "E-1", Cea, 120_000));
        h.Accept(h.Cmd.Freeze(Regulator, "E-1", Cea, 50_000, "COURT-2024-7"));

        h.Reject(h.Cmd.Surrender("alice", "E-1", Cea, 70_001), InsufficientAvailable);
        h.Accept(h.Cmd.Surrender("alice", "E-1", Cea, 70_000));
        var forced = h.Accept<UnitsForceSurrendered>(
            h.Cmd.ForceSurrender(Regulator, "E-1", Cea, 30_000, "COURT-2024-7"));

        Assert.Equal("COURT-2024-7", forced.FreezeId);
        Position e1 = h.Ledger.GetPosition(s_e1, InstrumentId.Parse(Cea));
        Assert.Equal(Co2e.FromTonnes(20_000), e1.Frozen);
        Assert.Equal(Co2e.Zero, e1.Available);
        Assert.Equal(Co2e.FromTonnes(100_000),
            h.Ledger.GetPosition(SinkAccounts.Surrendered, InstrumentId.Parse(Cea)).Total);
        Assert.Equal(h.Ledger.ComputeStateHash(), h.Replay().ComputeStateHash());
    }

    [Fact]
    public void ForcedSurrender_FromAvailableOfSuspendedAccount_Accepted()
    {
        LedgerHarness h = WithAccounts(("E-1", "alice"));
        h.Accept(h.Cmd.IssueAllowances(Regulator, Authority, "E-1", Cea, 100));
        h.Accept(h.Cmd.Suspend(Regulator, "E-1"));

        var forced = h.Accept<UnitsForceSurrendered>(h.Cmd.ForceSurrender(Regulator, "E-1", Cea, 60));

        Assert.Null(forced.FreezeId);
        Assert.Equal(Co2e.FromTonnes(40), h.Ledger.GetPosition(s_e1, InstrumentId.Parse(Cea)).Available);
    }

    [Fact]
    public void ForcedSurrender_Credits_LowestFrozenSerialsFirst()
    {
        LedgerHarness h = WithAccounts(("E-1", "alice"));
        h.Accept(h.Cmd.IssueCredits(Regulator, Authority, "E-1", Ccer, 1, 100));
        h.Accept(h.Cmd.Freeze(Regulator, "E-1", Ccer, 40, "F-1", serials: new(31, 70)));

        var forced = h.Accept<UnitsForceSurrendered>(h.Cmd.ForceSurrender(Regulator, "E-1", Ccer, 10, "F-1"));

        Assert.Equal([new Domain.Credits.SerialRange(31, 40)], forced.Serials);
    }

    [Fact]
    public void ForcedSurrender_BadInput_NamedRejectionsNothingMoves()
    {
        LedgerHarness h = WithAccounts(("E-1", "alice"), ("E-2", "bob"));
        h.Accept(h.Cmd.IssueAllowances(Regulator, Authority, "E-1", Cea, 100));
        h.Accept(h.Cmd.Freeze(Regulator, "E-1", Cea, 50, "F-1"));

        h.Reject(h.Cmd.ForceSurrender(Regulator, "E-1", Cea, 0), QuantityMustBePositive);
        h.Reject(h.Cmd.ForceSurrender(Regulator, "E-1", Cea, 1, " "), FreezeIdRequired);
        h.Reject(h.Cmd.ForceSurrender(Regulator, "E-9", Cea, 1), AccountUnknown);
        h.Reject(h.Cmd.ForceSurrender(Regulator, SinkAccounts.Retired.Value, Cea, 1), AccountIsTerminalSink);
        h.Reject(h.Cmd.ForceSurrender("alice", "E-1", Cea, 1), ActorNotAuthority);
        h.Reject(h.Cmd.ForceSurrender(Regulator, "E-1", "CEA-2030", 1), InstrumentUnknown);
        h.Reject(h.Cmd.ForceSurrender(Regulator, "E-1", Cea, 51), InsufficientAvailable);
        h.Reject(h.Cmd.ForceSurrender(Regulator, "E-2", Cea, 1, "F-1"), FreezeUnknown);
        h.Reject(h.Cmd.ForceSurrender(Regulator, "E-1", Cea, 51, "F-1"), UnfreezeExceedsFrozen);
    }
}
