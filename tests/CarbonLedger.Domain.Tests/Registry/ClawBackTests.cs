using CarbonLedger.Domain.Accounts;
using CarbonLedger.Domain.Identity;
using CarbonLedger.Domain.Instruments;
using CarbonLedger.Domain.Quantities;
using CarbonLedger.Domain.Registry;
using CarbonLedger.Domain.Tests.Registry.Support;
using static CarbonLedger.Domain.Registry.LedgerRejection;
using static CarbonLedger.Domain.Tests.Registry.Support.LedgerHarness;

namespace CarbonLedger.Domain.Tests.Registry;

public sealed class ClawBackTests
{
    [Fact]
    public void ClawBack_AvailableAllowances_MoveToTheAuthorityAndSupplyIsUnchanged()
    {
        LedgerHarness h = WithAccounts(("E-1", "alice"));
        h.Accept(h.Cmd.IssueAllowances(Regulator, Authority, "E-1", Cea, 1_800_000));

        var clawed = h.Accept<UnitsClawedBack>(h.Cmd.ClawBack(Regulator, "E-1", Authority, Cea, 90_000));

        Assert.Equal(AccountId.Of(Authority), clawed.Authority);
        var cea = InstrumentId.Parse(Cea);
        Assert.Equal(Co2e.FromTonnes(1_710_000), h.Ledger.GetPosition(AccountId.Of("E-1"), cea).Available);
        Assert.Equal(Co2e.FromTonnes(90_000), h.Ledger.GetPosition(AccountId.Of(Authority), cea).Available);
        Assert.Equal(h.Ledger.ComputeStateHash(), h.Replay().ComputeStateHash());
    }

    [Fact]
    public void ClawBack_BadInput_NamedRejectionsNothingMoves()
    {
        LedgerHarness h = WithAccounts(("E-1", "alice"), ("E-2", "bob"));
        h.Accept(h.Cmd.IssueAllowances(Regulator, Authority, "E-1", Cea, 100));
        h.Accept(h.Cmd.IssueCredits(Regulator, Authority, "E-1", Ccer, 1, 10));

        h.Reject(h.Cmd.ClawBack(Regulator, "E-1", Authority, Cea, 0), QuantityMustBePositive);
        h.Reject(h.Cmd.ClawBack(Regulator, "E-1", Authority, Cea, 1, reason: " "), ReasonRequired);
        h.Reject(h.Cmd.ClawBack(Regulator, "E-1", Authority, Ccer, 1), InstrumentRequiresSerials);
        h.Reject(h.Cmd.ClawBack(Regulator, "E-9", Authority, Cea, 1), AccountUnknown);
        h.Reject(h.Cmd.ClawBack(Regulator, "E-1", "E-2", Cea, 1), AuthorityAccountUnknown);
        h.Reject(h.Cmd.ClawBack("alice", "E-1", Authority, Cea, 1), ActorNotAuthority);
        h.Reject(h.Cmd.ClawBack(Regulator, "E-1", Authority, "CEA-2030", 1), InstrumentUnknown);
        h.Reject(h.Cmd.ClawBack(Regulator, "E-1", Authority, Cea, 101), InsufficientAvailable);
        h.Reject(h.Cmd.ClawBack(Regulator, SinkAccounts.Surrendered.Value, Authority, Cea, 1), AccountIsTerminalSink);
    }
}
