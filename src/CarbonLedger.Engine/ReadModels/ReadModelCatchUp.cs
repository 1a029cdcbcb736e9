using CarbonLedger.Domain.Registry;
using CarbonLedger.Engine.Journal;
using Npgsql;

namespace CarbonLedger.Engine.ReadModels;

/// <summary>
/// Brings the read models up to the journal during a replay: the entries above the progress mark are written
/// in chunks, each from the ledger as it stands right after the chunk, with the mark moved in the same
/// transaction. A crash in async mode (decision 0011) leaves the read models a few batches behind the journal;
/// this is what closes the gap before the engine takes work.
/// </summary>
internal sealed class ReadModelCatchUp(NpgsqlDataSource dataSource, string schema, long after)
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

    /// <summary>Adds an entry the ledger has just applied; starts writing the chunk when it is full.</summary>
    public async Task AddAsync(JournalEntry entry, Ledger ledger, CancellationToken ct)
    {
        _chunk.Add(entry);
        if (_chunk.Count == ChunkSize)
        {
            await StartWriteAsync(ledger, ct);
        }
    }

    /// <summary>Writes what is pending, from <paramref name="ledger"/> as it stands after the last entry.</summary>
    public async Task FlushAsync(Ledger ledger, CancellationToken ct)
    {
        await StartWriteAsync(ledger, ct);
        await _writing;
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
