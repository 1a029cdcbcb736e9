using CarbonLedger.Engine.Journal;
using Npgsql;

namespace CarbonLedger.Engine.ReadModels;

/// <summary>
/// The read models' high-water mark: the journal sequence they include, written in the same transaction as the
/// rows it vouches for (the journal's own in inline mode, the projector's in async mode). After any replay the
/// engine projects the journal entries above it, so read models left behind by a crash catch up before the
/// engine takes work.
/// </summary>
internal static class ReadModelProgress
{
    /// <summary>
    /// Creates the mark. A journal written before the mark existed had its read models written inline, so the
    /// mark starts at the journal's last sequence (0 for a new journal).
    /// </summary>
    public static IEnumerable<string> Ddl(string schema) =>
    [
        $"""
        CREATE TABLE IF NOT EXISTS {schema}.read_model_progress (
            id int PRIMARY KEY CHECK (id = 1), seq bigint NOT NULL)
        """,
        $"""
        INSERT INTO {schema}.read_model_progress (id, seq)
        SELECT 1, COALESCE(max((headers ->> '{JournalHeaders.Sequence}')::bigint), 0)
        FROM {schema}.mt_events WHERE headers ? '{JournalHeaders.Sequence}'
        ON CONFLICT (id) DO NOTHING
        """,
    ];

    /// <summary>The statement that moves the mark to <paramref name="sequence"/>.</summary>
    public static SqlCommandSpec Set(string schema, long sequence) =>
        new($"UPDATE {schema}.read_model_progress SET seq = ? WHERE id = 1", [sequence]);

    /// <summary>The journal sequence the read models include.</summary>
    public static async Task<long> ReadAsync(NpgsqlDataSource dataSource, string schema, CancellationToken ct)
    {
        await using NpgsqlConnection connection = await dataSource.OpenConnectionAsync(ct);
#pragma warning disable CA2100 // schema name from configuration
        await using var command = new NpgsqlCommand(
            $"SELECT seq FROM {schema}.read_model_progress WHERE id = 1", connection);
#pragma warning restore CA2100
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }
}
