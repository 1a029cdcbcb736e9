using CarbonLedger.Engine.Serialization;
using JasperFx;
using JasperFx.Events;
using Marten;

namespace CarbonLedger.Engine.Journal;

/// <summary>
/// Builds the Marten document store that holds the journal. String stream keys (one journal stream per
/// partition and day), Quick append (one server call per append, ~2× Rich), all metadata columns on
/// (headers carry the hash chain), event types mapped to stable aliases, and the journal's JSON contract.
/// </summary>
public static class JournalStore
{
    /// <summary>Creates the store for <paramref name="schema"/> (not yet migrated).</summary>
    public static DocumentStore Create(string connectionString, string schema)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        ArgumentException.ThrowIfNullOrWhiteSpace(schema);
        return DocumentStore.For(opts => Configure(opts, connectionString, schema,
            EventAliases.All.Select(a => (a.Key, a.Value))));
    }

    /// <summary>
    /// The settings every CarbonLedger event store shares (the journal's and the workflows'): string stream keys,
    /// Quick append with application timestamps, all metadata columns (headers), the journal's JSON contract,
    /// and every event type registered under its stable alias.
    /// </summary>
    internal static void Configure(StoreOptions opts, string connectionString, string schema,
        IEnumerable<(Type Type, string Alias)> aliases)
    {
        opts.Connection(connectionString);
        opts.DatabaseSchemaName = schema;
        opts.AutoCreateSchemaObjects = AutoCreate.CreateOrUpdate;
        opts.Events.StreamIdentity = StreamIdentity.AsString;
        opts.Events.AppendMode = EventAppendMode.QuickWithServerTimestamps;
        opts.Events.MetadataConfig.EnableAll();
        opts.Events.MetadataConfig.UserNameEnabled = true;
        opts.UseSystemTextJsonForSerialization(configure: JournalJson.Configure);
        foreach ((Type type, string alias) in aliases)
        {
            opts.Events.AddEventType(type);
            opts.Events.MapEventType(type, alias);
        }
    }
}
