using System.Diagnostics;
using CarbonLedger.Domain.Exchange;
using CarbonLedger.Domain.Identity;
using CarbonLedger.Domain.Registry;
using CarbonLedger.Engine.Journal;
using CarbonLedger.Engine.ReadModels;
using CarbonLedger.Testing.Postgres;
using Npgsql;

namespace CarbonLedger.Engine.Tests.Exchange;

/// <summary>
/// Durability under a crash (issue #4): the CLI's market simulation runs as its own process against the test
/// server, writing every key the engine acknowledged; the process is killed with SIGKILL in the middle of the
/// load; a new engine then starts on the same journal. Every acknowledged command must be there exactly once,
/// the books and balances must equal the state replayed from the journal, and units and cash must be conserved.
/// Both read-model modes: inline (written in the journal's transactions) and async (a projector behind the
/// journal, so the kill leaves them behind; the restart projects the journal from their mark, decision 0011).
/// </summary>
[Collection("postgres")]
public sealed class CrashRecoveryTests(PostgresFixture pg) : IDisposable
{
    private readonly string _ackLog = Path.Combine(Path.GetTempPath(), $"carbonledger-acks-{Guid.NewGuid():N}.txt");

    [Theory]
    [InlineData("inline")]
    [InlineData("async")]
    public async Task Simulation_KilledMidLoad_EveryAcknowledgedCommandSurvivesOnceAndStateEqualsReplay(string mode)
    {
        string schema = pg.NewSchemaName("crash");
        using (Process simulation = StartSimulation(schema, mode))
        {
            await WaitForAcknowledgementsAsync(simulation, 4_000);
            simulation.Kill(); // SIGKILL on Linux: no shutdown hook, no final checkpoint, batches in flight
            await simulation.WaitForExitAsync();
        }

        string[] acknowledged = CompleteLines(await File.ReadAllTextAsync(_ackLog));
        Assert.True(acknowledged.Length >= 4_000, $"only {acknowledged.Length} acknowledgements logged");

        await using LedgerEngine engine = await LedgerEngine.StartAsync(new LedgerEngineOptions
        {
            ConnectionString = pg.ConnectionString, Schema = schema,
        });
        if (mode == "inline")
        {
            Assert.Equal(0, engine.EventsProjectedAtStart); // the read models committed with the journal
        }

        var journaled = new List<string>();
        await foreach (JournalEntry e in engine.Journal.ReadAsync(0, CancellationToken.None))
        {
            journaled.Add(e.Stamp.Key.Value);
        }

        Assert.Equal(journaled.Count, journaled.Distinct().Count());
        Assert.Empty(acknowledged.Except(journaled));
        Assert.True(journaled.Count >= acknowledged.Length);

        // The start-up replay has checked the chain and invariants I1–I4 and the exchange's; cash too:
        (Domain.Quantities.Money deposited, long held) = await engine.ReadAsync(
            l => (l.CashDeposited - l.CashWithdrawn, l.AllCash().Sum(c => c.Cash.Total.Fen)));
        Assert.Equal(deposited.Fen, held);

        // Books and balances as written with the journal equal the replayed core, and a rebuild.
        foreach (PositionInfo p in await engine.ReadAsync(l => l.AllPositions().ToList()))
        {
            long[] row = await RowAsync($"SELECT available, locked, unsettled FROM {schema}.rm_balances " +
                $"WHERE account = '{p.Account}' AND instrument = '{p.Instrument}'", 3);
            Assert.Equal([p.Position.Available.Grams, p.Position.Locked.Grams, p.Position.Unsettled.Grams], row);
        }

        foreach ((AccountId account, CashBalance cash) in await engine.ReadAsync(l => l.AllCash().ToList()))
        {
            long[] row = await RowAsync($"SELECT total, locked, proceeds FROM {schema}.rm_cash WHERE account = '{account}'", 3);
            Assert.Equal([cash.Total.Fen, cash.Locked.Fen, cash.Proceeds.Fen], row);
        }

        string rebuilt = pg.NewSchemaName("crash_rb");
        await ReadModelRebuilder.RebuildAsync(engine.Journal, rebuilt, LedgerLimits.Default,
            Domain.Rules.DefaultRuleBook.Create(), CancellationToken.None);
        Assert.Empty(await ReadModelRebuilder.DiffAsync(engine.Journal.DataSource, schema, rebuilt, CancellationToken.None));
    }

    public void Dispose() => File.Delete(_ackLog);

    private Process StartSimulation(string schema, string mode)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string a in new[]
                 {
                     Path.Combine(AppContext.BaseDirectory, "carbonledger.dll"), "simulate", "--days", "400",
                     "--traders", "60", "--seed", "11", "--schema", schema, "--ack-log", _ackLog,
                     "--read-models", mode,
                 })
        {
            start.ArgumentList.Add(a);
        }

        start.Environment["CARBONLEDGER_CONNECTION"] = pg.ConnectionString;
        Process process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private async Task WaitForAcknowledgementsAsync(Process simulation, int count)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromMinutes(3))
        {
            Assert.False(simulation.HasExited, $"the simulation exited early with code {(simulation.HasExited ? simulation.ExitCode : 0)}");
            if (File.Exists(_ackLog) && CompleteLines(await ReadSharedAsync()).Length >= count)
            {
                return;
            }

            await Task.Delay(50);
        }

        Assert.Fail($"fewer than {count} acknowledgements within three minutes");
    }

    private async Task<string> ReadSharedAsync()
    {
        await using var stream = new FileStream(_ackLog, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        return await reader.ReadToEndAsync();
    }

    /// <summary>The lines a killed writer finished (a last line without its newline may be cut short).</summary>
    private static string[] CompleteLines(string text) =>
        text.EndsWith('\n') ? text.Split('\n', StringSplitOptions.RemoveEmptyEntries) : text.Split('\n')[..^1];

    private async Task<long[]> RowAsync(string sql, int columns)
    {
        await using var connection = new NpgsqlConnection(pg.ConnectionString);
        await connection.OpenAsync();
#pragma warning disable CA2100 // test SQL from constants and generated names
        await using var command = new NpgsqlCommand(sql, connection);
#pragma warning restore CA2100
        await using NpgsqlDataReader reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync(), $"no row for: {sql}");
        return [.. Enumerable.Range(0, columns).Select(reader.GetInt64)];
    }
}
