using CarbonLedger.Domain.Compliance;
using Marten;
using Npgsql;
using NodaTime;

namespace CarbonLedger.Engine.Workflows;

/// <summary>
/// The workflows of one ledger partition, beside its engine: emission reports and compliance records on
/// their own Marten store (<see cref="WorkflowStore"/>), reading the journal for facts and moving units only
/// through the engine. Opening it also finishes any surrender a crash left in flight.
/// </summary>
public sealed class LedgerWorkflows : IAsyncDisposable
{
    private readonly DocumentStore _store;
    private readonly NpgsqlDataSource _dataSource;

    private LedgerWorkflows(DocumentStore store, NpgsqlDataSource dataSource, EmissionReports reports,
        ComplianceRecords compliance, AllocationRecords allocation)
    {
        _store = store;
        _dataSource = dataSource;
        Reports = reports;
        Compliance = compliance;
        Allocation = allocation;
    }

    /// <summary>Emission reports (MRV).</summary>
    public EmissionReports Reports { get; }

    /// <summary>Compliance records (obligations, surrenders, closing, penalties).</summary>
    public ComplianceRecords Compliance { get; }

    /// <summary>Allocation records (pre-allocation, true-up with claw-back, exemption top-up).</summary>
    public AllocationRecords Allocation { get; }

    /// <summary>Surrenders a crash had left between reservation and completion, finished at open.</summary>
    public int SurrendersResumedAtOpen { get; private set; }

    /// <summary>
    /// Opens the workflows of the ledger partition <paramref name="schema"/> that <paramref name="engine"/>
    /// runs, with <paramref name="rules"/> and <paramref name="clock"/>.
    /// </summary>
    public static async Task<LedgerWorkflows> OpenAsync(LedgerEngine engine, string connectionString, string schema,
        ComplianceRuleBook rules, IClock clock, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(clock);
        DocumentStore store = await WorkflowStore.OpenAsync(connectionString, schema, ct);
        NpgsqlDataSource dataSource = NpgsqlDataSource.Create(connectionString);
        var streams = new WorkflowStreams(store, dataSource);
        var journal = new JournalLookup(dataSource, schema);
        var workflows = new LedgerWorkflows(store, dataSource, new EmissionReports(streams, rules, clock),
            new ComplianceRecords(streams, engine, journal, rules, clock),
            new AllocationRecords(streams, engine, journal, rules, clock));
        try
        {
            workflows.SurrendersResumedAtOpen = await workflows.Compliance.ResumeAsync(ct);
            return workflows;
        }
        catch
        {
            await workflows.DisposeAsync();
            throw;
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        _store.Dispose();
        await _dataSource.DisposeAsync();
    }
}
