using CarbonLedger.Domain.Exchange;
using CarbonLedger.Domain.Registry;
using CarbonLedger.Engine.Journal;
using Npgsql;
using NpgsqlTypes;

namespace CarbonLedger.Engine.ReadModels;

/// <summary>
/// Writes every read model from the start of the journal into empty tables, in one transaction: the fast path of
/// a rebuild and of a start-up whose read models hold nothing yet (decision 0017). A live batch upserts the rows it
/// touched; replaying a whole journal that way rewrote each balance, cash and order row thousands of times and
/// inserted the statement lines into a primary key in random order. Here the keys are dropped for the load and
/// rebuilt once by a sort at the end; rows that never change again (statement lines, trades, closed days, finished
/// orders) go out by binary COPY while the replay goes on; rows of current state (accounts, balances, serial
/// blocks, cash, open orders, depth) are written once, at the end, from the final ledger, by the same statements a
/// live batch uses. The result equals the live read models row for row (the rebuild-and-diff tests check it).
/// </summary>
internal sealed class ReadModelBulkLoad : IAsyncDisposable
{
    /// <summary>Entries per COPY round: large enough that a round's fixed costs vanish, small enough to
    /// pipeline.</summary>
    private const int ChunkSize = 8_192;

    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlTransaction _transaction;
    private readonly string _schema;
    private readonly IReadOnlyList<(string Table, string Name, string Definition)> _keys;
    private readonly ReadModelWriter _writer;
    private readonly ExchangeReadModel _exchange;
    private readonly ReadModelWriter.RegistryChanges _registry = new();
    private readonly ExchangeReadModel.Batch _batch = new() { FromStart = true };
    private bool _completed;

    /// <summary>The chunk being copied while the replay folds the next one (at most one in flight).</summary>
    private Task _writing = Task.CompletedTask;

    private ReadModelBulkLoad(NpgsqlConnection connection, NpgsqlTransaction transaction, string schema,
        IReadOnlyList<(string, string, string)> keys)
    {
        _connection = connection;
        _transaction = transaction;
        _schema = schema;
        _keys = keys;
        _writer = new ReadModelWriter(schema);
        _exchange = new ExchangeReadModel(schema);
    }

    /// <summary>How many entries were added.</summary>
    public long Added { get; private set; }

    /// <summary>Whether every read-model table of <paramref name="schema"/> is empty.</summary>
    public static async Task<bool> TablesEmptyAsync(NpgsqlDataSource dataSource, string schema, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        await using NpgsqlConnection connection = await dataSource.OpenConnectionAsync(ct);
        return await ReadModelSchema.TablesEmptyAsync(connection, schema, ct);
    }

    /// <summary>
    /// Opens the load's transaction on a connection of its own and drops the read models' primary keys in it
    /// (the tables must be empty). Nothing is visible to others until <see cref="CompleteAsync"/> commits.
    /// </summary>
    public static async Task<ReadModelBulkLoad> BeginAsync(NpgsqlDataSource dataSource, string schema,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        NpgsqlConnection connection = await dataSource.OpenConnectionAsync(ct);
        NpgsqlTransaction? transaction = null;
        try
        {
            // The key builds at the end sort with the server's maintenance_work_mem (64 MB by default): on the
            // 1,000,000-event journal, 256 MB built them no faster and 1 GB slower (docs/benchmarks, replay run 5).
            transaction = await connection.BeginTransactionAsync(ct);
            var keys = new List<(string, string, string)>();
            await using (var command = new NpgsqlCommand(
                """
                SELECT quote_ident(t.relname), quote_ident(c.conname), pg_get_constraintdef(c.oid)
                FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid
                WHERE c.contype = 'p' AND c.conrelid IN (SELECT to_regclass($1 || '.' || n) FROM unnest($2) n)
                """, connection))
            {
                command.Parameters.Add(new NpgsqlParameter { Value = schema });
                command.Parameters.Add(new NpgsqlParameter { Value = ReadModelSchema.Tables.ToArray() });
                await using NpgsqlDataReader reader = await command.ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct))
                {
                    keys.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
                }
            }

            foreach ((string table, string name, _) in keys)
            {
                await ReadModelSchema.ExecuteAsync(
                    connection, $"ALTER TABLE {schema}.{table} DROP CONSTRAINT {name}", ct);
            }

            // Checked again under the locks the key drops took: a row written since the caller looked would be
            // duplicated or mixed with the load's.
            if (!await ReadModelSchema.TablesEmptyAsync(connection, schema, ct))
            {
                throw new InvalidOperationException(
                    $"the read models in schema {schema} are not empty: a bulk load needs empty tables");
            }

            return new ReadModelBulkLoad(connection, transaction, schema, keys);
        }
        catch
        {
            if (transaction is not null)
            {
                await transaction.DisposeAsync();
            }

            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Adds an entry the ledger has just applied; copies out a chunk's finished rows when it is
    /// full.</summary>
    public async Task AddAsync(JournalEntry entry, Ledger ledger, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(entry);
        _registry.Add(entry);
        if (entry.Event is ExchangeEvent e)
        {
            _batch.Add(e, entry.Stamp.Sequence, ledger);
        }

        if (++Added % ChunkSize == 0)
        {
            await StartCopyAsync(ct);
        }
    }

    /// <summary>
    /// Copies what is left, rebuilds the primary keys, writes the current-state rows from <paramref name="ledger"/>
    /// (as it stands after the last entry), moves the progress mark when there is one, and commits.
    /// </summary>
    public async Task CompleteAsync(Ledger ledger, long? progressMark, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        await StartCopyAsync(ct);
        await _writing;
        foreach ((string table, string name, string definition) in _keys)
        {
            await ReadModelSchema.ExecuteAsync(
                _connection, $"ALTER TABLE {_schema}.{table} ADD CONSTRAINT {name} {definition}", ct);
        }

        await using (var batch = new NpgsqlBatch(_connection, _transaction))
        {
            foreach (SqlCommandSpec spec in _writer.State(_registry, ledger).Concat(_exchange.State(_batch, ledger)))
            {
                batch.BatchCommands.Add(spec.ToBatchCommand());
            }

            if (progressMark is { } mark)
            {
                batch.BatchCommands.Add(ReadModelProgress.Set(_schema, mark).ToBatchCommand());
            }

            if (batch.BatchCommands.Count > 0)
            {
                await batch.ExecuteNonQueryAsync(ct);
            }
        }

        await _transaction.CommitAsync(ct);
        _completed = true;
    }

    /// <summary>Rolls back unless completed (nothing of an unfinished load is ever visible) and closes.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await _writing;
        }
        catch (Exception) when (!_completed)
        {
            // The load failed or was abandoned; the rollback below discards whatever the copy got to write.
        }

        await _transaction.DisposeAsync();
        await _connection.DisposeAsync();
    }

    /// <summary>
    /// Takes the chunk's finished rows out of the accumulators (the copies hold them, nothing refers back to the
    /// ledger) and copies them on another thread while the replay goes on; one chunk in flight, in order.
    /// </summary>
    private async Task StartCopyAsync(CancellationToken ct)
    {
        List<StatementLine> lines = _registry.Lines;
        _registry.Lines = new List<StatementLine>(lines.Count);
        List<ExchangeReadModel.TradeRow> trades = [.. _batch.Trades];
        _batch.Trades.Clear();
        List<DailyMarketData> days = [.. _batch.Days];
        _batch.Days.Clear();
        List<ExchangeReadModel.OrderRow> finished = ExchangeReadModel.TakeFinished(_batch);
        await _writing;
        _writing = Task.Run(() => Copy(lines, trades, finished, days), ct);
    }

    /// <summary>Runs on a pool thread: synchronous COPY writes cost a fraction of the asynchronous ones per
    /// value.</summary>
    private void Copy(List<StatementLine> lines, List<ExchangeReadModel.TradeRow> trades,
        List<ExchangeReadModel.OrderRow> finished, List<DailyMarketData> days)
    {
        if (lines.Count > 0)
        {
            CopyStatement(lines);
        }

        if (trades.Count > 0)
        {
            _exchange.CopyTrades(_connection, trades);
        }

        if (finished.Count > 0)
        {
            _exchange.CopyOrders(_connection, finished);
        }

        if (days.Count > 0)
        {
            _exchange.CopyMarketData(_connection, days);
        }
    }

    private void CopyStatement(List<StatementLine> lines)
    {
        using NpgsqlBinaryImporter copy = _connection.BeginBinaryImport(
            $"""
            COPY {_schema}.rm_statement (account, seq, bucket, instrument, delta, event_type, counterparty, reference,
                at) FROM STDIN (FORMAT BINARY)
            """);
        foreach (StatementLine l in lines)
        {
            copy.StartRow();
            copy.Write(l.Account.Value, NpgsqlDbType.Text);
            copy.Write(l.Sequence, NpgsqlDbType.Bigint);
            copy.Write(l.Bucket.ToString(), NpgsqlDbType.Text);
            copy.Write(l.Instrument.ToString(), NpgsqlDbType.Text);
            copy.Write(l.Delta.Grams, NpgsqlDbType.Bigint);
            copy.Write(l.EventType, NpgsqlDbType.Text);
            ExchangeReadModel.CopyText(copy, l.Counterparty);
            ExchangeReadModel.CopyText(copy, l.Reference);
            copy.Write(l.At.ToDateTimeUtc(), NpgsqlDbType.TimestampTz);
        }

        copy.Complete();
    }
}
