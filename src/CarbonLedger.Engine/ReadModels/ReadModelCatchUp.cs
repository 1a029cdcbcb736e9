using CarbonLedger.Domain.Registry;
using CarbonLedger.Engine.Journal;
using Npgsql;

namespace CarbonLedger.Engine.ReadModels;

/// <summary>
/// Brings the read models up to the journal during a replay: the entries above the progress mark are written
/// in chunks, each from the ledger as it stands right after the chunk, with the mark moved in the same
/// transaction. A crash in async mode (decision 0011) leaves the read models a few batches behind the journal;
/// this is what closes the gap before the engine takes work. From mark 0 into empty tables (a new or emptied set of
/// read models) it loads in bulk instead (<see cref="ReadModelBulkLoad"/>, decision 0017).
/// </summary>
internal sealed class ReadModelCatchUp(NpgsqlDataSource dataSource, string schema, long after) : IAsyncDisposable
{
    /// <summary>Large enough to write in few transactions, small enough to keep one short.</summary>
    private const int ChunkSize = 5_000;

    private readonly ReadModelWriter _writer = new(schema);
    private readonly List<JournalEntry> _chunk = new(ChunkSize);

    /// <summary>The chunk being written while the replay folds the next one (at most one in flight).</summary>
    private Task _writing = Task.CompletedTask;

    /// <summary>The progress mark: entries at or below it are in the read models already.</summary>
    public long After { get; } = after;

    /// <summary>How many entries were projected.</summary>
    public long Projected { get; private set; }

    /// <summary>The bulk load, when the catch-up starts from nothing; decided at the first entry.</summary>
    private ReadModelBulkLoad? _bulk;
    private bool _started;

    /// <summary>Adds an entry the ledger has just applied; starts writing the chunk when it is full.</summary>
    public async Task AddAsync(JournalEntry entry, Ledger ledger, CancellationToken ct)
    {
        if (!_started)
        {
            _started = true;
            if (After == 0 && await ReadModelBulkLoad.TablesEmptyAsync(dataSource, schema, ct))
            {
                _bulk = await ReadModelBulkLoad.BeginAsync(dataSource, schema, ct);
            }
        }

        if (_bulk is not null)
        {
            await _bulk.AddAsync(entry, ledger, ct);
            return;
        }

        _chunk.Add(entry);
        if (_chunk.Count == ChunkSize)
        {
            await StartWriteAsync(ledger, ct);
        }
    }

    /// <summary>Writes what is pending, from <paramref name="ledger"/> as it stands after the last entry.</summary>
    public async Task FlushAsync(Ledger ledger, CancellationToken ct)
    {
        if (_bulk is not null)
        {
            await _bulk.CompleteAsync(ledger, ledger.Sequence, ct);
            Projected = _bulk.Added;
            return;
        }

        await StartWriteAsync(ledger, ct);
        await _writing;
    }

    /// <summary>
    /// Ends the catch-up: a bulk load is rolled back unless <see cref="FlushAsync"/> completed it, and a chunk still
    /// being written is waited for, so nothing writes into the read models after a replay that failed.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (_bulk is not null)
        {
            await _bulk.DisposeAsync();
            _bulk = null;
        }

        try
        {
            await _writing;
        }
        catch (Exception)
        {
            // Only reached when the replay itself failed (FlushAsync awaits the write and would have thrown):
            // the replay's exception is the one to report; this chunk's transaction was rolled back.
        }
    }

    /// <summary>
    /// Builds the chunk's statements now, from the ledger as it stands right after the chunk (the statements hold
    /// copies of every value, nothing refers back to the ledger), then writes them while the replay goes on
    /// folding: the fold does not wait for PostgreSQL. Chunks are written in order, one at a time, each with its
    /// progress mark, so a crash leaves the mark at the last chunk fully written.
    /// </summary>
    private async Task StartWriteAsync(Ledger ledger, CancellationToken ct)
    {
        if (_chunk.Count == 0)
        {
            return;
        }

        var batch = new NpgsqlBatch();
        foreach (SqlCommandSpec statement in _writer.For(_chunk, ledger))
        {
            batch.BatchCommands.Add(statement.ToBatchCommand());
        }

        batch.BatchCommands.Add(ReadModelProgress.Set(schema, _chunk[^1].Stamp.Sequence).ToBatchCommand());
        int count = _chunk.Count;
        _chunk.Clear();
        await _writing;
        _writing = WriteAsync(batch, count, ct);
    }

    private async Task WriteAsync(NpgsqlBatch batch, int count, CancellationToken ct)
    {
        await using (batch)
        {
            await BatchTransaction.ExecuteAsync(dataSource, batch, ct);
        }

        Projected += count;
    }
}
