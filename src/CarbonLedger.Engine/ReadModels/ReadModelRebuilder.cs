using CarbonLedger.Domain.Registry;
using CarbonLedger.Domain.Rules;
using CarbonLedger.Engine.Journal;
using Npgsql;

namespace CarbonLedger.Engine.ReadModels;

/// <summary>
/// Rebuilds every read model from the journal alone into another schema, and diffs two schemas' read
/// models. Proves the claim "read models are derived data": after any history, rebuilt equals live.
/// </summary>
public static class ReadModelRebuilder
{
    private const int ChunkSize = 5_000;

    /// <summary>Replays <paramref name="journal"/> and writes its read models into <paramref name="targetSchema"/>
    /// (created if needed, emptied first). Returns the number of events replayed.</summary>
    public static async Task<long> RebuildAsync(LedgerJournal journal, string targetSchema, LedgerLimits limits,
        RuleBook rules, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(journal);
        await using NpgsqlConnection connection = await journal.DataSource.OpenConnectionAsync(ct);
        await ExecuteAsync(connection, $"CREATE SCHEMA IF NOT EXISTS {targetSchema}", ct);
        foreach (string ddl in ReadModelSchema.Statements(targetSchema))
        {
            await ExecuteAsync(connection, ddl, ct);
        }

        foreach (string table in ReadModelSchema.Tables)
        {
            await ExecuteAsync(connection, $"TRUNCATE {targetSchema}.{table}", ct);
        }

        var writer = new ReadModelWriter(targetSchema);
        var ledger = new Ledger(limits, rules);
        var chunk = new List<JournalEntry>(ChunkSize);
        long count = 0;
        Task writing = Task.CompletedTask;
        await foreach (JournalEntry entry in journal.ReadAsync(0, ct))
        {
            ledger.Evolve(entry.Event, entry.Stamp);
            chunk.Add(entry);
            count++;
            if (chunk.Count == ChunkSize)
            {
                // The statements copy the ledger's values now; the fold goes on while the previous chunk's are
                // written (one chunk in flight, on the one connection, in order).
                NpgsqlBatch batch = Statements(writer, chunk, ledger);
                chunk.Clear();
                await writing;
                writing = WriteChunkAsync(connection, batch, ct);
            }
        }

        await writing;
        if (chunk.Count > 0)
        {
            await WriteChunkAsync(connection, Statements(writer, chunk, ledger), ct);
        }

        return count;
    }

    /// <summary>
    /// Rows present in one schema's read models and not in the other's, per table (empty when equal).
    /// </summary>
    public static async Task<IReadOnlyList<string>> DiffAsync(NpgsqlDataSource dataSource, string schemaA,
        string schemaB, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        var differences = new List<string>();
        await using NpgsqlConnection connection = await dataSource.OpenConnectionAsync(ct);
        foreach (string table in ReadModelSchema.Tables)
        {
            foreach ((string left, string right) in new[] { (schemaA, schemaB), (schemaB, schemaA) })
            {
#pragma warning disable CA2100 // schema and table names come from configuration and constants
                await using var command = new NpgsqlCommand(
                    $"SELECT row_to_json(d)::text FROM (SELECT * FROM {left}.{table} " +
                    $"EXCEPT ALL SELECT * FROM {right}.{table}) d LIMIT 20",
                    connection);
#pragma warning restore CA2100
                await using NpgsqlDataReader reader = await command.ExecuteReaderAsync(ct);
                while (await reader.ReadAsync(ct))
                {
                    differences.Add($"{table}: only in {left}: {reader.GetString(0)}");
                }
            }
        }

        return differences;
    }

    private static NpgsqlBatch Statements(ReadModelWriter writer, List<JournalEntry> chunk, Ledger ledger)
    {
        var batch = new NpgsqlBatch();
        foreach (SqlCommandSpec spec in writer.For(chunk, ledger))
        {
            batch.BatchCommands.Add(spec.ToBatchCommand());
        }

        return batch;
    }

    private static async Task WriteChunkAsync(NpgsqlConnection connection, NpgsqlBatch batch, CancellationToken ct)
    {
        await using (batch)
        {
            await using NpgsqlTransaction transaction = await connection.BeginTransactionAsync(ct);
            batch.Connection = connection;
            batch.Transaction = transaction;
            await batch.ExecuteNonQueryAsync(ct);
            await transaction.CommitAsync(ct);
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
#pragma warning disable CA2100 // DDL from configuration and constants
        await using var command = new NpgsqlCommand(sql, connection);
#pragma warning restore CA2100
        await command.ExecuteNonQueryAsync(ct);
    }
}
