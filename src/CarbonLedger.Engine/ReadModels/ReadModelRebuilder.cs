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
    /// <summary>Replays <paramref name="journal"/> and writes its read models into <paramref name="targetSchema"/>
    /// (created if needed, emptied first). Returns the number of events replayed.</summary>
    public static async Task<long> RebuildAsync(LedgerJournal journal, string targetSchema, LedgerLimits limits,
        RuleBook rules, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(journal);
        await using NpgsqlConnection connection = await journal.DataSource.OpenConnectionAsync(ct);
        await ReadModelSchema.ExecuteAsync(connection, $"CREATE SCHEMA IF NOT EXISTS {targetSchema}", ct);
        foreach (string ddl in ReadModelSchema.Statements(targetSchema))
        {
            await ReadModelSchema.ExecuteAsync(connection, ddl, ct);
        }

        foreach (string table in ReadModelSchema.Tables)
        {
            await ReadModelSchema.ExecuteAsync(connection, $"TRUNCATE {targetSchema}.{table}", ct);
        }

        // Into emptied tables, so in bulk (decision 0017): the same rows as the live writer's, written once.
        await using ReadModelBulkLoad load = await ReadModelBulkLoad.BeginAsync(journal.DataSource, targetSchema, ct);
        var ledger = new Ledger(limits, rules);
        await foreach (JournalEntry entry in journal.ReadAsync(0, ct))
        {
            ledger.Evolve(entry.Event, entry.Stamp);
            await load.AddAsync(entry, ledger, ct);
        }

        await load.CompleteAsync(ledger, null, ct);
        return load.Added;
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
}
