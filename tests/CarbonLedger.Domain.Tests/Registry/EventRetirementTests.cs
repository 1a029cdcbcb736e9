using CarbonLedger.Domain.Registry;
using CarbonLedger.Domain.Tests.Registry.Support;
using static CarbonLedger.Domain.Registry.LedgerRejection;
using static CarbonLedger.Domain.Tests.Registry.Support.LedgerHarness;

namespace CarbonLedger.Domain.Tests.Registry;

public sealed class EventRetirementTests
{
    [Fact]
    public void Retire_ForACarbonNeutralEvent_CertificateNamesTheEventAndSerials()
    {
        LedgerHarness h = WithAccounts(("E-1", "alice"));
        h.Accept(h.Cmd.IssueCredits(Regulator, Authority, "E-1", Ccer, 1, 100));

        var retired = h.Accept<UnitsRetired>(h.Cmd.Retire("alice", "E-1", Ccer, 30, beneficiary: "Organising committee",
            purpose: "carbon-neutral event", @event: "Shanghai Marathon 2026"));
        var certificate = RetirementCertificate.From(retired, h.Ledger.Sequence);

        Assert.Equal("Shanghai Marathon 2026", certificate.Event);
        Assert.Equal([new Domain.Credits.SerialRange(1, 30)], certificate.Serials);
        h.Reject(h.Cmd.Retire("alice", "E-1", Ccer, 1, @event: new string('x', 257)), TextTooLong);
    }

    [Fact]
    public void Retire_SameKeyWithAnEventAdded_IsADifferentCommand()
    {
        LedgerHarness h = WithAccounts(("E-1", "alice"));
        h.Accept(h.Cmd.IssueCredits(Regulator, Authority, "E-1", Ccer, 1, 100));
        RetireUnits plain = h.Cmd.Retire("alice", "E-1", Ccer, 1, key: "retire-1");
        h.Accept(plain);

        h.Reject(plain with { Event = "an event" }, IdempotencyKeyConflict);
    }
}
