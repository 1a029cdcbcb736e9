using System.Globalization;
using CarbonLedger.Domain.Accounts;
using CarbonLedger.Domain.Identity;
using CarbonLedger.Domain.Instruments;
using CarbonLedger.Domain.Quantities;
using CarbonLedger.Domain.Registry;
using CarbonLedger.Engine;
using CarbonLedger.Engine.Postgres;
using CarbonLedger.Engine.Simulation;
using Npgsql;
using NodaTime;

namespace CarbonLedger.Benchmarks.Engine;

/// <summary>
/// The journal the replay benchmark reads: exactly <see cref="Events"/> real ledger events, made once by the engine
/// itself and kept in a persistent embedded PostgreSQL (<c>$TMPDIR/carbonledger-replay-bench</c>) so that every
/// benchmark process, and every later run, reads the same journal. A market simulation (accounts, cash, issuance,
/// listed orders that match and settle, cancellations, day opens and closes with expiries, block trades, an
/// auction) makes most of it; registry transfers between enterprise holdings fill it up to the exact count. The
/// engine writes a checkpoint every 100,000 events, so the replay also checks a state hash, as at start-up.
/// </summary>
internal static class ReplayJournal
{
    public const int Events = 1_000_000;
    public const string Schema = "replay_1m";
    private const int Holders = 1_000;
    private static readonly ActorId s_regulator = ActorId.Of("sim-reg");
    private static readonly AccountId s_authority = AccountId.Of("SIM-MEE");
    private static readonly InstrumentId s_cea = InstrumentId.Parse("CEA-2024");

    public static async Task<LedgerDatabase> OpenDatabaseAsync() => await LedgerDatabase.OpenAsync(
        new LedgerDatabaseOptions
        {
            DataDirectory = Path.Combine(Path.GetTempPath(), "carbonledger-replay-bench"),
        });

    /// <summary>Makes the journal unless a complete one is there already.</summary>
    public static async Task EnsureAsync(string connectionString)
    {
        await using NpgsqlDataSource data = NpgsqlDataSource.Create(connectionString);
        if (await ScalarAsync(data, $"SELECT to_regclass('{Schema}.replay_ready') IS NOT NULL") is true)
        {
            return;
        }

        await ScalarAsync(data, $"DROP SCHEMA IF EXISTS {Schema} CASCADE");
        Console.WriteLine($"// generating a journal of {Events:N0} events in {Schema} (once)");
        var clock = new SimulatedClock(Instant.FromUtc(2026, 1, 1, 0, 0));
        await using (LedgerEngine engine = await LedgerEngine.StartAsync(new LedgerEngineOptions
        {
            ConnectionString = connectionString, Schema = Schema, Clock = clock,
        }))
        {
            SimulationResult market = await new MarketSimulation(engine, clock,
                new SimulationOptions(Days: 24, Traders: 2_000, Seed: 7)).RunAsync();
            Console.WriteLine($"// market: {market.Days.Count} days, {market.Trades:N0} trades, " +
                $"journal at {market.Sequence:N0}");
            await SeedRegistryAsync(engine);
            long sequence;
            long next = 0;
            while ((sequence = (await engine.StatusAsync()).Sequence) < Events)
            {
                int n = (int)Math.Min(16_384, Events - sequence);
                await Task.WhenAll(Enumerable.Range(0, n).Select(_ => engine.SubmitAsync(RegistryMove(++next))));
            }

            if (sequence != Events)
            {
                throw new InvalidOperationException($"the market alone made {sequence:N0} events; use fewer days");
            }
        }

        await ScalarAsync(data, $"CREATE TABLE {Schema}.replay_ready (events bigint)");
        await ScalarAsync(data, $"ANALYZE {Schema}.mt_events");
        await using NpgsqlDataReader mix = await data.CreateCommand(
            $"SELECT type, count(*) FROM {Schema}.mt_events GROUP BY type ORDER BY 2 DESC").ExecuteReaderAsync();
        while (await mix.ReadAsync())
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"//   {mix.GetString(0),-24} {mix.GetInt64(1),9:N0}"));
        }
    }

    /// <summary>Enterprise holdings opened and funded by the simulation's authority (<c>sim-reg</c>).</summary>
    private static async Task SeedRegistryAsync(LedgerEngine engine)
    {
        var seeding = new List<Task<CommandResult>>();
        for (int i = 0; i < Holders; i++)
        {
            seeding.Add(engine.SubmitAsync(new OpenAccount(IdempotencyKey.Of($"fill-open-{i}"), s_regulator,
                Holder(i), AccountType.EnterpriseHolding, Owner(i))));
            seeding.Add(engine.SubmitAsync(new IssueAllowances(IdempotencyKey.Of($"fill-issue-{i}"), s_regulator,
                s_authority, Holder(i), s_cea, Co2e.FromTonnes(10_000_000))));
        }

        foreach (CommandResult r in await Task.WhenAll(seeding))
        {
            if (!r.Outcome.IsAccepted)
            {
                throw new InvalidOperationException($"registry seeding rejected: {r.Outcome.Rejection}");
            }
        }
    }

    /// <summary>Mostly transfers; one move in 50 a court freeze, one in 97 a retirement.</summary>
    private static LedgerCommand RegistryMove(long n)
    {
        int from = (int)((n * 7919) % Holders);
        int to = (int)((from + 1 + (n % (Holders - 1))) % Holders);
        var key = IdempotencyKey.Of($"fill-{n}");
        Co2e quantity = Co2e.FromTonnes(1 + (n % 50));
        return (n % 50, n % 97) switch
        {
            (0, _) => new FreezeUnits(key, s_regulator, Holder(from), s_cea, quantity, $"COURT-{n}", "court order",
                null),
            (_, 0) => new RetireUnits(key, Owner(from), Holder(from), s_cea, quantity, "Acme Ltd", "2026 footprint",
                new LocalDate(2026, 1, 1), new LocalDate(2026, 12, 31), null, null),
            _ => new TransferUnits(key, Owner(from), Holder(from), Holder(to), s_cea, quantity, null),
        };
    }

    private static AccountId Holder(int i) => AccountId.Of($"ENT-{i:D4}");

    private static ActorId Owner(int i) => ActorId.Of($"holder-{i:D4}");

    public static async Task<object?> ScalarAsync(NpgsqlDataSource data, string sql)
    {
#pragma warning disable CA2100 // benchmark SQL from constants
        await using NpgsqlCommand command = data.CreateCommand(sql);
#pragma warning restore CA2100
        return await command.ExecuteScalarAsync();
    }
}
