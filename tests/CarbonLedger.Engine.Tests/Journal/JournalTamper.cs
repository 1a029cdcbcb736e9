using System.Globalization;
using CarbonLedger.Engine.Journal;
using Npgsql;

namespace CarbonLedger.Engine.Tests.Journal;

/// <summary>
/// Breaks a journal the way someone with write access to the database would: by editing <c>mt_events</c> rows
/// with SQL (no engine involved). Events are addressed by their ledger sequence (the <c>seq</c> header).
/// </summary>
internal static class JournalTamper
{
    /// <summary>Changes the body of event <paramref name="sequence"/> (its time).</summary>
    public static Task AlterAsync(string connection, string schema, long sequence) => ExecuteAsync(connection,
        $"UPDATE {schema}.mt_events SET data = jsonb_set(data, '{{At}}', '\"2001-01-01T00:00:00Z\"') " +
        $"WHERE headers->>'seq' = '{sequence}'");

    /// <summary>Deletes event <paramref name="sequence"/>.</summary>
    public static Task DeleteAsync(string connection, string schema, long sequence) => ExecuteAsync(connection,
        $"DELETE FROM {schema}.mt_events WHERE headers->>'seq' = '{sequence}'");

    /// <summary>
    /// Inserts a copy of event <paramref name="copied"/> right after event <paramref name="after"/> (store
    /// sequences are spread out first to make room); returns the inserted row's store sequence.
    /// </summary>
    public static async Task<long> InsertCopyAsync(string connection, string schema, long copied, long after)
    {
        await ExecuteAsync(connection, $"UPDATE {schema}.mt_events SET seq_id = seq_id + 1000000");
        await ExecuteAsync(connection, $"UPDATE {schema}.mt_events SET seq_id = (seq_id - 1000000) * 10");
        long at = await ScalarAsync(connection,
            $"SELECT seq_id + 5 FROM {schema}.mt_events WHERE headers->>'seq' = '{after}'");
        await ExecuteAsync(connection,
            $"INSERT INTO {schema}.mt_events (seq_id, id, stream_id, version, data, type, timestamp, tenant_id, " +
            "mt_dotnet_type, correlation_id, headers, user_name, is_archived) " +
            $"SELECT {at}, gen_random_uuid(), stream_id, version + 100000, data, type, timestamp, tenant_id, " +
            $"mt_dotnet_type, correlation_id, headers, user_name, is_archived FROM {schema}.mt_events " +
            $"WHERE headers->>'seq' = '{copied}'");
        return at;
    }

    /// <summary>Swaps the store positions of events <paramref name="first"/> and <paramref name="second"/>.</summary>
    public static async Task SwapAsync(string connection, string schema, long first, long second)
    {
        long a = await StoreSequenceAsync(connection, schema, first);
        long b = await StoreSequenceAsync(connection, schema, second);
        await ExecuteAsync(connection, $"UPDATE {schema}.mt_events SET seq_id = -1 WHERE seq_id = {a}");
        await ExecuteAsync(connection, $"UPDATE {schema}.mt_events SET seq_id = {a} WHERE seq_id = {b}");
        await ExecuteAsync(connection, $"UPDATE {schema}.mt_events SET seq_id = {b} WHERE seq_id = -1");
    }

    /// <summary>
    /// Rewrites history: alters event <paramref name="sequence"/> and recomputes every link from there to the
    /// end, so the chain is internally consistent again and only a published checkpoint can tell.
    /// </summary>
    public static async Task RewriteFromAsync(string connection, string schema, long sequence)
    {
        await AlterAsync(connection, schema, sequence);
        await using LedgerJournal journal = await LedgerJournal.OpenAsync(connection, schema, "main",
            CancellationToken.None);
        string head = HashChain.Genesis;
        await foreach (JournalEntry entry in journal.ReadAsync(0, CancellationToken.None))
        {
            if (entry.Stamp.Sequence < sequence)
            {
                head = entry.Hash;
                continue;
            }

            string hash = HashChain.Link(head, entry.Event, entry.Stamp);
            await ExecuteAsync(connection,
                $"UPDATE {schema}.mt_events SET headers = headers || " +
                $"jsonb_build_object('prev', '{head}', 'hash', '{hash}') " +
                $"WHERE headers->>'seq' = '{entry.Stamp.Sequence}'");
            head = hash;
        }
    }

    /// <summary>The store sequence (Marten's <c>seq_id</c>) of event <paramref name="sequence"/>.</summary>
    public static Task<long> StoreSequenceAsync(string connection, string schema, long sequence) =>
        ScalarAsync(connection, $"SELECT seq_id FROM {schema}.mt_events WHERE headers->>'seq' = '{sequence}'");

    private static async Task ExecuteAsync(string connection, string sql)
    {
        await using var data = NpgsqlDataSource.Create(connection);
#pragma warning disable CA2100 // test SQL built from constants and generated schema names
        await using NpgsqlCommand command = data.CreateCommand(sql);
#pragma warning restore CA2100
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<long> ScalarAsync(string connection, string sql)
    {
        await using var data = NpgsqlDataSource.Create(connection);
#pragma warning disable CA2100 // test SQL built from constants and generated schema names
        await using NpgsqlCommand command = data.CreateCommand(sql);
#pragma warning restore CA2100
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }
}
