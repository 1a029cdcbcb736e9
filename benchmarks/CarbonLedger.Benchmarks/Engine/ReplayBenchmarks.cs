using BenchmarkDotNet.Attributes;
using CarbonLedger.Domain.Registry;
using CarbonLedger.Domain.Rules;
using CarbonLedger.Engine;
using CarbonLedger.Engine.Journal;
using CarbonLedger.Engine.Postgres;
using CarbonLedger.Engine.ReadModels;
using Npgsql;

namespace CarbonLedger.Benchmarks.Engine;

/// <summary>
/// Replay of a 1,000,000-event journal (issue #7, point 6) against the raw read of the same rows in the same run:
/// the baseline is <c>COPY (SELECT … ORDER BY seq_id) TO STDOUT (FORMAT BINARY)</c> of exactly the columns the
/// replay reads, every byte drained and nothing decoded, so the ratio says how close the replay comes to what
/// PostgreSQL can hand over. Replays: the journal alone (read, decode, re-hash); into the core (chain check,
/// <c>Ledger.Evolve</c>, the checkpoint's state hash: <see cref="JournalReplay"/>, as at start-up); into the core and
/// every read model (the start-up path when read models are behind, from empty tables); and the core through
/// Marten's paged raw-event query, as the replay read before decision 0014. Targets: ≥ 100,000 events/s
/// (stretch 200,000) and ≥ 0.5× the raw COPY read.
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory("Database")]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5, invocationCount: 1)]
public class ReplayBenchmarks
{
    private const int Events = ReplayJournal.Events;
    private LedgerDatabase _database = null!;
    private LedgerJournal _journal = null!;

    [GlobalSetup]
    public void Start() => StartAsync().GetAwaiter().GetResult();

    [GlobalCleanup]
    public void Stop() => StopAsync().GetAwaiter().GetResult();

    /// <summary>Empties the read models so that the replay writes all of them, as after their loss.</summary>
    [IterationSetup(Target = nameof(ReplayIntoCoreAndReadModels))]
    public void EmptyReadModels() => EmptyReadModelsAsync().GetAwaiter().GetResult();

    [Benchmark(Baseline = true, OperationsPerInvoke = Events)]
    public async Task<long> RawCopyRead()
    {
        await using NpgsqlConnection connection = await _journal.DataSource.OpenConnectionAsync();
        await using Stream copy =
            await connection.BeginRawBinaryCopyAsync(JournalCopyReader.Sql(ReplayJournal.Schema, 0));
        byte[] buffer = new byte[1 << 20];
        long bytes = 0;
        int read;
        while ((read = await copy.ReadAsync(buffer)) > 0)
        {
            bytes += read;
        }

        return bytes;
    }

    [Benchmark(OperationsPerInvoke = Events)]
    public async Task<long> ReadAndRehashOnly()
    {
        long count = 0;
        await foreach (JournalEntry entry in _journal.ReadAsync(0, CancellationToken.None))
        {
            count += entry.RecomputedHash == entry.Hash ? 1 : 0;
        }

        return Check(count);
    }

    [Benchmark(OperationsPerInvoke = Events)]
    public async Task<long> ReplayIntoCore() => Check((await JournalReplay.RebuildAsync(
        _journal, LedgerLimits.Default, DefaultRuleBook.Create(), CancellationToken.None)).EventsReplayed);

    [Benchmark(OperationsPerInvoke = Events)]
    public async Task<long> ReplayIntoCoreAndReadModels()
    {
        var catchUp = new ReadModelCatchUp(_journal.DataSource, ReplayJournal.Schema, 0);
        JournalReplay.Result replay = await JournalReplay.RebuildAsync(
            _journal, LedgerLimits.Default, DefaultRuleBook.Create(), catchUp, CancellationToken.None);
        return Check(Math.Min(replay.EventsReplayed, catchUp.Projected));
    }

    /// <summary>The replay's loop as it was before decision 0014, on Marten's paged read.</summary>
    [Benchmark(OperationsPerInvoke = Events)]
    public async Task<long> ReplayIntoCoreThroughMarten()
    {
        var ledger = new Ledger(LedgerLimits.Default, DefaultRuleBook.Create());
        string head = HashChain.Genesis;
        await foreach (JournalEntry entry in _journal.ReadThroughMartenAsync(0, CancellationToken.None))
        {
            if (JournalVerifier.CheckLink(head, ledger.Sequence + 1, entry, out string hash) is { } broken)
            {
                throw new JournalIntegrityException(broken);
            }

            ledger.Evolve(entry.Event, entry.Stamp);
            head = hash;
        }

        return Check(ledger.Sequence);
    }

    private static long Check(long count) => count == Events
        ? count
        : throw new InvalidOperationException($"replayed {count:N0} events, expected {Events:N0}");

    private async Task StartAsync()
    {
        _database = await ReplayJournal.OpenDatabaseAsync();
        await ReplayJournal.EnsureAsync(_database.ConnectionString);
        _journal = await LedgerJournal.OpenAsync(_database.ConnectionString, ReplayJournal.Schema, "main",
            CancellationToken.None);
    }

    private async Task EmptyReadModelsAsync()
    {
        foreach (string table in ReadModelSchema.Tables)
        {
            await ReplayJournal.ScalarAsync(_journal.DataSource, $"TRUNCATE {ReplayJournal.Schema}.{table}");
        }

        await ReplayJournal.ScalarAsync(_journal.DataSource,
            $"UPDATE {ReplayJournal.Schema}.read_model_progress SET seq = 0");
    }

    private async Task StopAsync()
    {
        await _journal.DisposeAsync();
        await _database.DisposeAsync();
    }
}
