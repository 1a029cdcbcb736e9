using System.Text.Json;
using CarbonLedger.Domain.Credits;
using CarbonLedger.Domain.Instruments;
using CarbonLedger.Domain.Registry;
using CarbonLedger.Engine.Journal;
using CarbonLedger.Engine.Serialization;
using Npgsql;

namespace CarbonLedger.Engine.Workflows;

/// <summary>
/// Facts the workflows read from the ledger journal (the truth): the projects a credit block was issued for
/// (offset eligibility), and the serial blocks a surrender moved (recorded on the compliance record).
/// </summary>
internal sealed class JournalLookup(NpgsqlDataSource dataSource, string schema)
{
    /// <summary>
    /// The projects of the issuances that overlap <paramref name="serials"/> of <paramref name="instrument"/>.
    /// </summary>
    public async Task<IReadOnlyList<string>> ProjectsAsync(
        InstrumentId instrument, SerialRange serials, CancellationToken ct)
    {
        var projects = new List<string>();
#pragma warning disable CA2100 // the schema name comes from configuration; values are parameters
        await using NpgsqlCommand command = dataSource.CreateCommand(
            $"SELECT data::text FROM {schema}.mt_events WHERE type = 'credits_issued' AND data->>'Instrument' = $1");
#pragma warning restore CA2100
        command.Parameters.AddWithValue(instrument.ToString());
        await using NpgsqlDataReader reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            CreditsIssued issued = JsonSerializer.Deserialize<CreditsIssued>(reader.GetString(0), JournalJson.Options)!;
            if (issued.Serials.Start <= serials.End && serials.Start <= issued.Serials.End)
            {
                projects.Add(issued.Project);
            }
        }

        return projects;
    }

    /// <summary>
    /// The serial blocks of the surrender journaled under <paramref name="key"/> (none for allowances).
    /// </summary>
    public async Task<IReadOnlyList<SerialRange>> SurrenderedSerialsAsync(string key, CancellationToken ct) =>
        (await EventAsync<UnitsSurrendered>("units_surrendered", key, ct))?.Serials ?? [];

    /// <summary>
    /// The tonnes of the claw-back journaled under <paramref name="key"/>, or null when there is none.
    /// </summary>
    public async Task<long?> ClawedBackTonnesAsync(string key, CancellationToken ct) =>
        (await EventAsync<UnitsClawedBack>("units_clawed_back", key, ct))?.Quantity.WholeTonnes;

    /// <summary>The journal event of type <paramref name="alias"/> recorded under the idempotency key.</summary>
    private async Task<T?> EventAsync<T>(string alias, string key, CancellationToken ct)
        where T : LedgerEvent
    {
#pragma warning disable CA2100 // the schema name comes from configuration; values are parameters
        await using NpgsqlCommand command = dataSource.CreateCommand(
            $"SELECT data::text FROM {schema}.mt_events WHERE type = $1 AND headers->>'{JournalHeaders.Key}' = $2");
#pragma warning restore CA2100
        command.Parameters.AddWithValue(alias);
        command.Parameters.AddWithValue(key);
        return await command.ExecuteScalarAsync(ct) is string text
            ? JsonSerializer.Deserialize<T>(text, JournalJson.Options)
            : null;
    }
}
