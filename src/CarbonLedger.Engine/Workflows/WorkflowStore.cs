using Marten;

namespace CarbonLedger.Engine.Workflows;

/// <summary>
/// The Marten store of the human-paced workflows (architecture §3): emission reports and compliance records,
/// one stream per enterprise and year, appended with optimistic concurrency. It lives in its own schema
/// (<c>{ledger schema}_wf</c>) so that its events never interleave with the ledger journal, whose sequence,
/// hash chain and replay cover journal events only (decision 0012).
/// </summary>
public static class WorkflowStore
{
    /// <summary>The workflow schema of the ledger partition <paramref name="ledgerSchema"/>.</summary>
    public static string SchemaFor(string ledgerSchema) => ledgerSchema + "_wf";

    /// <summary>Creates the store and applies its schema.</summary>
    public static async Task<DocumentStore> OpenAsync(string connectionString, string ledgerSchema,
        CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        ArgumentException.ThrowIfNullOrWhiteSpace(ledgerSchema);
        var store = DocumentStore.For(opts =>
            Journal.JournalStore.Configure(opts, connectionString, SchemaFor(ledgerSchema), WorkflowEventAliases.All));
        try
        {
            await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
            return store;
        }
        catch
        {
            store.Dispose();
            throw;
        }
    }
}
