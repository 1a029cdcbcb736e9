using CarbonLedger.Domain.Accounts;
using CarbonLedger.Engine;
using CarbonLedger.Testing.Postgres;
using NodaTime;
using NodaTime.Testing;
using CarbonLedger.Testing.Builders;

namespace CarbonLedger.Engine.Tests.Journal;

/// <summary>Starts engines on a fresh schema per test, with a fake clock, and seeds a small registry.</summary>
internal static class EngineFixture
{
    public static LedgerEngineOptions Options(PostgresFixture pg, string schema, long checkpointEvery = 100_000) => new()
    {
        ConnectionString = pg.ConnectionString,
        Schema = schema,
        Clock = new FakeClock(Instant.FromUtc(2026, 3, 2, 2, 0), Duration.FromMilliseconds(1)),
        CheckpointEvery = checkpointEvery,
    };

    /// <summary>Opens MEE (authority), two enterprises, and issues 1,000,000 CEA-2024 to ENT-A.</summary>
    public static async Task SeedAsync(LedgerEngine engine, CommandFactory commands)
    {
        await AcceptAsync(engine, commands.Open("mee", "MEE", AccountType.Authority, "mee"));
        await AcceptAsync(engine, commands.Open("mee", "ENT-A", AccountType.EnterpriseHolding, "alice"));
        await AcceptAsync(engine, commands.Open("mee", "ENT-B", AccountType.EnterpriseHolding, "bob"));
        await AcceptAsync(engine, commands.IssueAllowances("mee", "MEE", "ENT-A", "CEA-2024", 1_000_000));
    }

    public static async Task<CommandResult> AcceptAsync(LedgerEngine engine, Domain.Registry.LedgerCommand command)
    {
        CommandResult result = await engine.SubmitAsync(command);
        Assert.True(result.Outcome.IsAccepted, $"{command.GetType().Name} rejected: {result.Outcome.Rejection}");
        return result;
    }
}
