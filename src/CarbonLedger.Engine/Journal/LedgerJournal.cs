using System.Globalization;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using CarbonLedger.Domain.Identity;
using CarbonLedger.Domain.Registry;
using CarbonLedger.Engine.ReadModels;
using JasperFx.Events;
using Marten;
using NodaTime;
using Npgsql;

namespace CarbonLedger.Engine.Journal;

/// <summary>
/// The durable journal on Marten: appends a whole batch of events (plus the read-model updates and an
/// optional checkpoint) in ONE transaction, and reads the journal back in sequence order. Layout: one
/// stream per partition per Asia/Shanghai calendar day (<c>ledger-main-20261125</c>), which bounds stream
/// length to a day's activity; Marten's global sequence orders events across streams.
/// </summary>
public sealed class LedgerJournal : IAsyncDisposable
{
    private const int ReadPageSize = 10_000;

    /// <summary>Chunks the reader may run ahead of the consumer (× 512 entries: a few MB at most).</summary>
    private const int ReadAheadChunks = 16;
    private static readonly DateTimeZone s_shanghai = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];
    private readonly DocumentStore _store;
    private readonly NpgsqlDataSource _dataSource;
    private readonly JournalAppendSql _append;

    private LedgerJournal(DocumentStore store, NpgsqlDataSource dataSource, string schema, string partition)
    {
        _store = store;
        _dataSource = dataSource;
        _append = new JournalAppendSql(schema);
        Schema = schema;
        Partition = partition;
    }

    /// <summary>Rows per COPY page of <see cref="ReadAsync"/> (<see cref="JournalCopyReader.PageRows"/>; tests use
    /// small pages to cross many page boundaries).</summary>
    internal int CopyPageRows { get; set; } = JournalCopyReader.PageRows;

    /// <summary>The PostgreSQL schema holding the journal and read models.</summary>
    public string Schema { get; }

    /// <summary>The partition name used in stream keys.</summary>
    public string Partition { get; }

    /// <summary>The Marten store (for tests and tools that query the journal).</summary>
    public IDocumentStore Store => _store;

    /// <summary>A data source for plain SQL against the same database.</summary>
    public NpgsqlDataSource DataSource => _dataSource;

    /// <summary>Opens the journal, creating or migrating the schema and the read-model tables.</summary>
    public static async Task<LedgerJournal> OpenAsync(string connectionString, string schema, string partition,
        CancellationToken ct)
    {
        connectionString = WithPreparedStatements(connectionString);
        DocumentStore store = JournalStore.Create(connectionString, schema);
        NpgsqlDataSource dataSource = NpgsqlDataSource.Create(connectionString);
        try
        {
            await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
            await using NpgsqlConnection connection = await dataSource.OpenConnectionAsync(ct);
            foreach (string ddl in ReadModelSchema.Statements(schema).Concat(ReadModelProgress.Ddl(schema)))
            {
#pragma warning disable CA2100 // DDL built from the configured schema name, not from user input.
                await using var command = new NpgsqlCommand(ddl, connection);
#pragma warning restore CA2100
                await command.ExecuteNonQueryAsync(ct);
            }

            return new LedgerJournal(store, dataSource, schema, partition);
        }
        catch
        {
            store.Dispose();
            await dataSource.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Turns on Npgsql's automatic preparation unless the connection string sets it: the writer sends the same
    /// few statements every batch, and unprepared, PostgreSQL parsed and planned them each time (a fifth of the
    /// server's time per batch under load, docs/benchmarks/2026-11-28-exchange.md).
    /// </summary>
    internal static string WithPreparedStatements(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (builder.MaxAutoPrepare == 0)
        {
            builder.MaxAutoPrepare = 64;
        }

        return builder.ConnectionString;
    }

    /// <summary>The stream that holds events journaled at <paramref name="at"/>.</summary>
    public string StreamFor(Instant at) =>
        string.Create(CultureInfo.InvariantCulture, $"ledger-{Partition}-{at.InZone(s_shanghai).Date:yyyyMMdd}");

    /// <summary>
    /// Appends <paramref name="entries"/> with <paramref name="readModel"/> updates and an optional checkpoint
    /// in one transaction. Throws when the transaction fails; then nothing of the batch is stored.
    /// </summary>
    public async Task AppendAsync(IReadOnlyList<JournalEntry> entries, IReadOnlyList<SqlCommandSpec> readModel,
        Checkpoint? checkpoint, Instant at, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(readModel);

        // One NpgsqlBatch without an explicit transaction: Npgsql sends every statement and a single Sync, so
        // PostgreSQL runs them as one implicit transaction (all or nothing) and the whole append, commit
        // included, is one round trip. A Marten session took two (the statements, then COMMIT), each a wake-up
        // of the backend and of a .NET continuation on cores that are busy at load (decision 0019).
        await using var batch = new NpgsqlBatch();
        if (entries.Count > 0)
        {
            batch.BatchCommands.Add(_append.For(entries, StreamFor(at), at).ToBatchCommand());
        }

        foreach (SqlCommandSpec spec in readModel)
        {
            batch.BatchCommands.Add(spec.ToBatchCommand());
        }

        if (checkpoint is not null)
        {
            batch.BatchCommands.Add(new SqlCommandSpec(
                $"INSERT INTO {Schema}.ledger_checkpoints (seq, state_hash, chain_head, at) VALUES (?, ?, ?, ?) " +
                "ON CONFLICT (seq) DO UPDATE SET state_hash = excluded.state_hash, chain_head = excluded.chain_head",
                [checkpoint.Sequence, checkpoint.StateHash, checkpoint.ChainHead, at.ToDateTimeOffset()])
                .ToBatchCommand());
        }

        if (batch.BatchCommands.Count == 0)
        {
            return;
        }

        await using NpgsqlConnection connection = await _dataSource.OpenConnectionAsync(ct);
        batch.Connection = connection;
        await batch.ExecuteNonQueryAsync(ct);
    }

    /// <summary>
    /// Reads the journal in order, after Marten sequence <paramref name="afterStoreSequence"/>: binary COPY pages read
    /// and decoded on another thread (<see cref="JournalCopyReader"/>), a bounded channel ahead of the consumer, so
    /// reading and decoding overlap with whatever the consumer does with each entry (decision 0014). Each entry
    /// carries its recomputed link hash. Stopping early cancels the read.
    /// </summary>
    public async IAsyncEnumerable<JournalEntry> ReadAsync(long afterStoreSequence,
        [EnumeratorCancellation] CancellationToken ct)
    {
        var channel = Channel.CreateBounded<JournalEntry[]>(
            new BoundedChannelOptions(ReadAheadChunks) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        Task reading = Task.Run(
            () => JournalCopyReader.RunAsync(
                _dataSource, Schema, afterStoreSequence, CopyPageRows, channel.Writer, stop.Token),
            CancellationToken.None);
        bool finished = false;
        try
        {
            while (await channel.Reader.WaitToReadAsync(ct))
            {
                while (channel.Reader.TryRead(out JournalEntry[]? chunk))
                {
                    foreach (JournalEntry entry in chunk)
                    {
                        yield return entry;
                    }
                }
            }

            // The reader completes the channel whatever happens: its error, if any, surfaces here, after the
            // entries before it (as a sequential read would have reported it).
            await reading;
            finished = true;
        }
        finally
        {
            if (!finished)
            {
                // The consumer stopped early or failed: stop the read and wait for it to let go of its
                // connection. Its own outcome no longer matters (it was cancelled, or the consumer's error wins).
                await stop.CancelAsync();
                await Task.WhenAny(reading);
                _ = reading.Exception;
            }
        }
    }

    /// <summary>
    /// The journal through Marten's paged raw-event query, as every read went before decision 0014: kept as the
    /// reference the fast reader is tested against, and as the "before" of the replay benchmark.
    /// </summary>
    internal async IAsyncEnumerable<JournalEntry> ReadThroughMartenAsync(long afterStoreSequence,
        [EnumeratorCancellation] CancellationToken ct)
    {
        long after = afterStoreSequence;
        while (true)
        {
            await using IQuerySession query = _store.QuerySession();
            IReadOnlyList<IEvent> page = await query.Events.QueryAllRawEvents()
                .Where(e => e.Sequence > after)
                .OrderBy(e => e.Sequence)
                .Take(ReadPageSize)
                .ToListAsync(ct);
            foreach (IEvent e in page)
            {
                yield return ToEntry(e);
                after = e.Sequence;
            }

            if (page.Count < ReadPageSize)
            {
                yield break;
            }
        }
    }

    /// <summary>The latest checkpoint, or null when none was written.</summary>
    public async Task<Checkpoint?> LatestCheckpointAsync(CancellationToken ct)
    {
        await using NpgsqlConnection connection = await _dataSource.OpenConnectionAsync(ct);
#pragma warning disable CA2100 // schema name from configuration
        await using var command = new NpgsqlCommand(
            $"SELECT seq, state_hash, chain_head FROM {Schema}.ledger_checkpoints ORDER BY seq DESC LIMIT 1",
            connection);
#pragma warning restore CA2100
        await using NpgsqlDataReader reader = await command.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct)
            ? new Checkpoint(reader.GetInt64(0), reader.GetString(1), reader.GetString(2))
            : null;
    }

    /// <summary>Writes a checkpoint on its own (at shutdown).</summary>
    public async Task WriteCheckpointAsync(Checkpoint checkpoint, Instant at, CancellationToken ct) =>
        await AppendAsync([], [], checkpoint, at, ct);

    private static JournalEntry ToEntry(IEvent e)
    {
        string Header(string name) => e.GetHeader(name)?.ToString()
            ?? throw new JournalIntegrityException($"journal event {e.Sequence} has no '{name}' header");

        if (e.Data is not LedgerEvent data)
        {
            throw new JournalIntegrityException(
                $"journal event {e.Sequence} is not a ledger event ({e.EventTypeName})");
        }

        var stamp = new EventStamp(
            long.Parse(Header(JournalHeaders.Sequence), CultureInfo.InvariantCulture),
            IdempotencyKey.Of(Header(JournalHeaders.Key)),
            ulong.Parse(Header(JournalHeaders.Fingerprint), NumberStyles.HexNumber, CultureInfo.InvariantCulture),
            ActorId.Of(Header(JournalHeaders.Actor)));
        return new JournalEntry(data, stamp, Header(JournalHeaders.Previous), Header(JournalHeaders.Hash))
        {
            CorrelationId = e.CorrelationId,
            StoreSequence = e.Sequence,
        };
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        _store.Dispose();
        await _dataSource.DisposeAsync();
    }
}
