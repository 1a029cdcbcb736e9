namespace CarbonLedger.Engine.ReadModels;

/// <summary>
/// The read models' tables, beside Marten's in the same schema. Plain tables rather than Marten
/// documents: the writer updates them with one set-based statement per table per batch (a few statements
/// per group commit instead of one upsert per row), inside the journal's own transaction, so a read model
/// is never ahead of or behind the journal. Everything here can be rebuilt from the journal.
/// </summary>
public static class ReadModelSchema
{
    /// <summary>DDL, idempotent.</summary>
    public static IReadOnlyList<string> Statements(string schema) =>
    [
        $"""
        CREATE TABLE IF NOT EXISTS {schema}.rm_accounts (
            account text PRIMARY KEY, type text NOT NULL, owner text NOT NULL, status text NOT NULL,
            last_seq bigint NOT NULL)
        """,
        $"""
        CREATE TABLE IF NOT EXISTS {schema}.rm_balances (
            account text NOT NULL, instrument text NOT NULL,
            available bigint NOT NULL, locked bigint NOT NULL, unsettled bigint NOT NULL,
            frozen bigint NOT NULL, pledged bigint NOT NULL, last_seq bigint NOT NULL,
            PRIMARY KEY (account, instrument))
        """,
        $"""
        CREATE TABLE IF NOT EXISTS {schema}.rm_statement (
            account text NOT NULL, seq bigint NOT NULL, bucket text NOT NULL, instrument text NOT NULL,
            delta bigint NOT NULL, event_type text NOT NULL, counterparty text, reference text,
            at timestamptz NOT NULL,
            PRIMARY KEY (account, seq, bucket))
        """,
        $"""
        CREATE TABLE IF NOT EXISTS {schema}.rm_serial_holdings (
            instrument text NOT NULL, serial_start bigint NOT NULL, serial_end bigint NOT NULL,
            account text NOT NULL, bucket text NOT NULL, freeze_id text,
            PRIMARY KEY (instrument, serial_start))
        """,
        $"""
        CREATE TABLE IF NOT EXISTS {schema}.ledger_checkpoints (
            seq bigint PRIMARY KEY, state_hash text NOT NULL, chain_head text NOT NULL, at timestamptz NOT NULL)
        """,
    ];

    /// <summary>The read-model tables (not the checkpoints), for rebuild and diff.</summary>
    public static IReadOnlyList<string> Tables { get; } =
        ["rm_accounts", "rm_balances", "rm_statement", "rm_serial_holdings"];
}
