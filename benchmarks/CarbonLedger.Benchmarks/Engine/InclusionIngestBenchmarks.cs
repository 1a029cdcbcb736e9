using BenchmarkDotNet.Attributes;
using CarbonLedger.Domain.Inclusion;
using CarbonLedger.Domain.Quantities;
using CarbonLedger.Engine;
using CarbonLedger.Engine.Inclusion;
using CarbonLedger.Engine.Postgres;
using NodaTime;

namespace CarbonLedger.Benchmarks.Engine;

/// <summary>
/// 碳普惠 ingestion into PostgreSQL, synchronous commit on, duplicate detection on (issue #6, point 8):
/// batches of 10,000 behaviour records (one transaction each: checks, binary COPY, the primary-key duplicate
/// check, points) against one record per batch (a transaction per record), in the same run. One record in a
/// hundred repeats a behaviour id recorded earlier, so the duplicate path is exercised, not just the check.
/// Target: ≥ 100,000 records/s batched.
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory("Database")]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5, invocationCount: 1)]
public class InclusionIngestBenchmarks
{
    private const int BatchSize = 10_000;
    private const int Batches = 5;
    private const int PerRecordCount = 1_000;
    private const int Persons = 50_000;
    private static readonly DateTimeZone s_zone = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];
    private static readonly DateInterval s_march = new(new LocalDate(2026, 3, 1), new LocalDate(2026, 3, 31));
    private readonly Random _random = new(11);
    private LedgerDatabase _database = null!;
    private LedgerEngine _engine = null!;
    private InclusionStore _store = null!;
    private long _next;
    private int _batch;

    [GlobalSetup]
    public void Start() => StartAsync().GetAwaiter().GetResult();

    [GlobalCleanup]
    public void Stop() => StopAsync().GetAwaiter().GetResult();

    private BatchLine[][] _singles = [];
    private BatchLine[][] _batches = [];

    /// <summary>
    /// The records are made before each invocation: the benchmark measures ingestion, not the harness.
    /// </summary>
    [IterationSetup]
    public void MakeRecords()
    {
        _singles = [.. Enumerable.Range(0, PerRecordCount).Select(_ => Lines(1))];
        _batches =
            [.. Enumerable.Range(0, Batches).Select(i => Lines(BatchSize, i % 2 == 0 ? "METRO-APP" : "BIKE-APP"))];
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = PerRecordCount)]
    public async Task<int> OneTransactionPerRecord()
    {
        int recorded = 0;
        foreach (BatchLine[] single in _singles)
        {
            recorded += (await _store.IngestAsync($"single-{++_batch}", "METRO-APP", s_march, single)).Recorded;
        }

        return recorded;
    }

    [Benchmark(OperationsPerInvoke = BatchSize * Batches)]
    public async Task<int> BatchesOfTenThousandTwoPlatformsAtOnce()
    {
        // Two platforms submitting at the same time, as they do: PostgreSQL works on both cores.
        BatchLine[][] batches = _batches;
        int recorded = 0;
        for (int i = 0; i < Batches; i += 2)
        {
            Task<IngestResult> metro = _store.IngestAsync($"pair-{++_batch}", "METRO-APP", s_march, batches[i]);
            Task<IngestResult> bike = i + 1 < Batches
                ? _store.IngestAsync($"pair-{++_batch}", "BIKE-APP", s_march, batches[i + 1])
                : Task.FromResult(new IngestResult("", false, 0, 0, []));
            recorded += (await metro).Recorded + (await bike).Recorded;
        }

        return recorded;
    }

    [Benchmark(OperationsPerInvoke = BatchSize * Batches)]
    public async Task<int> BatchesOfTenThousand()
    {
        int recorded = 0;
        for (int i = 0; i < Batches; i++)
        {
            string platform = i % 2 == 0 ? "METRO-APP" : "BIKE-APP";
            recorded += (await _store.IngestAsync($"batch-{++_batch}", platform, s_march, _batches[i])).Recorded;
        }

        return recorded;
    }

    private BatchLine[] Lines(int count, string platform = "METRO-APP")
    {
        (string scenario, string persons) = platform == "METRO-APP" ? ("SH-METRO", "P-") : ("SH-CYCLING", "Q-");
        var lines = new BatchLine[count];
        for (int i = 0; i < count; i++)
        {
            // One in a hundred repeats an id recorded before (a cross-batch duplicate).
            long id = _next > 1_000 && _random.Next(100) == 0 ? _random.NextInt64(1, _next) : ++_next;
            Instant at = new LocalDateTime(2026, 3, 1 + _random.Next(31), 8, 0).InZoneLeniently(s_zone).ToInstant();
            lines[i] = new BatchLine(i + 1, new BehaviourRecord($"B-{id}", $"{persons}{_random.Next(Persons)}",
                scenario, Scaled.Of(_random.Next(100, 10_000), 2), at));
        }

        return lines;
    }

    private async Task StartAsync()
    {
        _database = await LedgerDatabase.OpenAsync(new LedgerDatabaseOptions { Temporary = true });
        string schema = $"bench_incl_{Guid.NewGuid():N}"[..24];
        _engine = await LedgerEngine.StartAsync(new LedgerEngineOptions
        {
            ConnectionString = _database.ConnectionString, Schema = schema,
        });
        _store = await InclusionStore.OpenAsync(_database.ConnectionString, schema, _engine,
            DefaultInclusionRules.Create(), SystemClock.Instance);
        await _store.RegisterPersonsAsync("METRO-APP",
            Enumerable.Range(0, Persons).Select(p => $"P-{p}").ToArray());
        await _store.RegisterPersonsAsync("BIKE-APP",
            Enumerable.Range(0, Persons).Select(p => $"Q-{p}").ToArray());
    }

    private async Task StopAsync()
    {
        await _store.DisposeAsync();
        await _engine.DisposeAsync();
        await _database.DisposeAsync();
    }
}
