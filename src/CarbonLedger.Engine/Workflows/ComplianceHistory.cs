using System.Globalization;
using CarbonLedger.Domain.Compliance;
using CarbonLedger.Domain.Mrv;
using JasperFx.Events;
using Marten;
using NodaTime;
using Npgsql;

namespace CarbonLedger.Engine.Workflows;

/// <summary>
/// Read-only access to the workflow records of a ledger partition for regulators: an enterprise's compliance
/// status for a year as it stood at an instant, folded from the prefix of its report, allocation and compliance
/// streams whose events had happened by then. Needs no engine (nothing is decided or moved).
/// </summary>
public sealed class ComplianceHistory : IAsyncDisposable
{
    private static readonly string[] s_prefixes = ["report-", "allocation-", "compliance-"];
    private readonly DocumentStore _store;
    private readonly NpgsqlDataSource _dataSource;
    private readonly WorkflowStreams _streams;

    private ComplianceHistory(DocumentStore store, NpgsqlDataSource dataSource)
    {
        _store = store;
        _dataSource = dataSource;
        _streams = new WorkflowStreams(store, dataSource);
    }

    /// <summary>Opens the workflow records of the ledger partition <paramref name="ledgerSchema"/>.</summary>
    public static async Task<ComplianceHistory> OpenAsync(string connectionString, string ledgerSchema,
        CancellationToken ct = default)
    {
        DocumentStore store = await WorkflowStore.OpenAsync(connectionString, ledgerSchema, ct);
        return new ComplianceHistory(store, NpgsqlDataSource.Create(connectionString));
    }

    /// <summary>
    /// When an event happened: its own domain instant (the workflow's clock when the step was decided), or
    /// Marten's append time for an event that carries none.
    /// </summary>
    public static Instant HappenedAt(IEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        Instant domain = e.Data switch
        {
            ReportEvent r => r.At,
            ComplianceEvent c => c.At,
            AllocationEvent a => a.At,
            _ => default,
        };
        return domain != default ? domain : Instant.FromDateTimeOffset(e.Timestamp);
    }

    /// <summary>
    /// The years for which <paramref name="enterprise"/> has a report, allocation or compliance record.
    /// </summary>
    public async Task<IReadOnlyList<int>> YearsAsync(string enterprise, CancellationToken ct = default)
    {
        var years = new SortedSet<int>();
        foreach (string prefix in s_prefixes)
        {
            string head = prefix + enterprise + "-";
            foreach (string stream in await _streams.StreamsAsync(head, ct))
            {
                if (int.TryParse(stream.AsSpan(head.Length), NumberStyles.None, CultureInfo.InvariantCulture,
                        out int year))
                {
                    years.Add(year);
                }
            }
        }

        return [.. years];
    }

    /// <summary>The enterprises with any record for <paramref name="year"/>, in ordinal order.</summary>
    public async Task<IReadOnlyList<string>> EnterprisesAsync(int year, CancellationToken ct = default)
    {
        string suffix = string.Create(CultureInfo.InvariantCulture, $"-{year}");
        var enterprises = new SortedSet<string>(StringComparer.Ordinal);
        foreach (string prefix in s_prefixes)
        {
            foreach (string stream in await _streams.StreamsAsync(prefix, ct))
            {
                if (stream.EndsWith(suffix, StringComparison.Ordinal))
                {
                    enterprises.Add(stream[prefix.Length..^suffix.Length]);
                }
            }
        }

        return [.. enterprises];
    }

    /// <summary>
    /// The status of <paramref name="enterprise"/>'s <paramref name="year"/> after every event that had happened
    /// at or before <paramref name="at"/> (all of them when null); null when the enterprise has no record for the
    /// year at all. Each stream is folded as a prefix: its events are appended in the order they happened.
    /// </summary>
    public async Task<ComplianceAsOf?> AsOfAsync(string enterprise, int year, Instant? at,
        CancellationToken ct = default)
    {
        IReadOnlyList<IEvent> report = await _streams.ReadAsync(EmissionReports.StreamOf(enterprise, year), ct);
        IReadOnlyList<IEvent> allocation = await _streams.ReadAsync(AllocationRecords.StreamOf(enterprise, year), ct);
        IReadOnlyList<IEvent> compliance = await _streams.ReadAsync(ComplianceRecords.StreamOf(enterprise, year), ct);
        var all = report.Concat(allocation).Concat(compliance).ToList();
        if (all.Count == 0)
        {
            return null;
        }

        List<IEvent> Until(IReadOnlyList<IEvent> stream) =>
            stream.TakeWhile(e => at is not { } t || HappenedAt(e) <= t).ToList();

        List<IEvent> r = Until(report);
        List<IEvent> a = Until(allocation);
        List<IEvent> c = Until(compliance);
        ComplianceRecord record = ComplianceRecord.Replay(c.Select(e => (ComplianceEvent)e.Data));
        ComplianceStatus status = ComplianceStatus.Of(enterprise, year,
            EmissionReport.Replay(r.Select(e => (ReportEvent)e.Data)),
            AllocationRecord.Replay(a.Select(e => (AllocationEvent)e.Data)), record);
        Instant first = all.Min(HappenedAt);
        List<IEvent> folded = [.. r, .. a, .. c];
        Instant? last = folded.Count == 0 ? null : folded.Max(HappenedAt);
        return new ComplianceAsOf(status, record.Obligation, first, last, folded.Count);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        _store.Dispose();
        await _dataSource.DisposeAsync();
    }
}
