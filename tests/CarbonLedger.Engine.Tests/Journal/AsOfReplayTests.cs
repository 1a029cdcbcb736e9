using CarbonLedger.Domain.Registry;
using CarbonLedger.Engine.Journal;
using CarbonLedger.Testing.Builders;
using CarbonLedger.Testing.Postgres;
using NodaTime;
using NodaTime.Testing;

namespace CarbonLedger.Engine.Tests.Journal;

/// <summary>As-of: the state replayed up to a sequence or an instant equals the live state at that point.</summary>
[Collection("postgres")]
public sealed class AsOfReplayTests(PostgresFixture pg)
{
    [Fact]
    public async Task AsOf_EverySequenceAndInstant_EqualsTheLiveStateThen()
    {
        var clock = new FakeClock(Instant.FromUtc(2026, 3, 2, 1, 0));
        await using LedgerEngine engine = await LedgerEngine.StartAsync(new LedgerEngineOptions
        {
            ConnectionString = pg.ConnectionString, Schema = pg.NewSchemaName("asof"), Clock = clock,
        });
        var c = new CommandFactory();
        var live = new List<(long Sequence, Instant At, string Hash)>();
        LedgerCommand[] commands =
        [
            c.Open("mee", "MEE", Domain.Accounts.AccountType.Authority),
            c.Open("mee", "E-1", owner: "alice"),
            c.Open("mee", "E-2", owner: "bob"),
            c.IssueAllowances("mee", "MEE", "E-1", "CEA-2024", 1_000),
            c.IssueCredits("mee", "MEE", "E-1", "CCER-2023", 1, 100),
            c.Transfer("alice", "E-1", "E-2", "CEA-2024", 300),
            c.Freeze("mee", "E-2", "CEA-2024", 50, "COURT-1"),
            c.Retire("alice", "E-1", "CCER-2023", 30),
            c.Surrender("bob", "E-2", "CEA-2024", 100),
        ];
        foreach (LedgerCommand command in commands)
        {
            clock.Advance(Duration.FromMinutes(7));
            Assert.True((await engine.SubmitAsync(command)).Outcome.IsAccepted);
            EngineStatus status = await engine.StatusAsync();
            live.Add((status.Sequence, clock.GetCurrentInstant(), status.StateHash));
        }

        foreach ((long sequence, Instant at, string hash) in live)
        {
            (Ledger bySequence, long reached) = await AsOfReplay.ReplayAsync(engine.Journal, sequence, null,
                LedgerLimits.Default, Domain.Rules.DefaultRuleBook.Create(), CancellationToken.None);
            (Ledger byInstant, _) = await AsOfReplay.ReplayAsync(engine.Journal, null, at + Duration.FromMinutes(1),
                LedgerLimits.Default, Domain.Rules.DefaultRuleBook.Create(), CancellationToken.None);

            Assert.Equal(sequence, reached);
            Assert.Equal(hash, bySequence.ComputeStateHash());
            Assert.Equal(hash, byInstant.ComputeStateHash());
        }
    }
}
