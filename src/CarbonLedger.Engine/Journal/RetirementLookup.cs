using System.Globalization;
using System.Text.Json;
using CarbonLedger.Domain.Registry;
using CarbonLedger.Engine.Serialization;
using Npgsql;

namespace CarbonLedger.Engine.Journal;

/// <summary>
/// Finds a retirement in the journal by its certificate id (<c>RC-…</c>) and checks the claim against the ledger:
/// the journal's hash chain is intact through the retirement's sequence, and every serial of the certificate
/// sits in the retirement sink today.
/// </summary>
public static class RetirementLookup
{
    /// <summary>A certificate and how it checked out.</summary>
    public sealed record Checked(RetirementCertificate Certificate, string EventHash, bool ChainIntact,
        bool SerialsRetired, string Detail);

    /// <summary>
    /// The certificate <paramref name="certificateId"/>, checked; null when no retirement has that id.
    /// </summary>
    public static async Task<Checked?> FindAsync(LedgerEngine engine, string certificateId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(engine);
        LedgerJournal journal = engine.Journal;
#pragma warning disable CA2100 // schema name from configuration; the id is a parameter
        await using NpgsqlCommand command = journal.DataSource.CreateCommand(
            $"SELECT data::text, headers->>'{JournalHeaders.Sequence}', headers->>'{JournalHeaders.Hash}' " +
            $"FROM {journal.Schema}.mt_events WHERE type = 'units_retired' AND data->>'CertificateId' = $1");
#pragma warning restore CA2100
        command.Parameters.AddWithValue(certificateId);
        string json;
        long sequence;
        string hash;
        await using (NpgsqlDataReader reader = await command.ExecuteReaderAsync(ct))
        {
            if (!await reader.ReadAsync(ct))
            {
                return null;
            }

            json = reader.GetString(0);
            sequence = long.Parse(reader.GetString(1), CultureInfo.InvariantCulture);
            hash = reader.GetString(2);
        }

        UnitsRetired retired = JsonSerializer.Deserialize<UnitsRetired>(json, JournalJson.Options)!;
        var certificate = RetirementCertificate.From(retired, sequence);
        JournalVerifier.Report chain = await JournalVerifier.VerifyAsync(journal, ct);
        bool intact = chain.BrokenAtSequence is not { } broken || broken > sequence;
        var retiredBlocks = await engine.ReadAsync(l => l.AllSerialHoldings()
            .Where(h => h.Instrument == certificate.Instrument && h.Account == Domain.Accounts.SinkAccounts.Retired)
            .Select(h => h.Serials).ToList(), ct);
        bool held = certificate.Serials.All(s => retiredBlocks.Any(b => b.Start <= s.Start && s.End <= b.End));
        string detail = $"hash chain {(intact ? "intact" : $"broken at #{chain.BrokenAtSequence}")} through " +
            $"#{sequence} ({chain.EventsChecked} events checked); serials " +
            (held ? "all in the retirement sink" : "NOT all in the retirement sink");
        return new Checked(certificate, hash, intact, held, detail);
    }
}
