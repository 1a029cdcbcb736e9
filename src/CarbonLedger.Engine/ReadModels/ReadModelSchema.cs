using Npgsql;

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
            PRIMARY KEY (account, seq, instrument, bucket))
        """,
        // Schemas created before the exchange keyed statement lines without the instrument; a trading day's
        // T+1 settlement moves several instruments of one account in one event.
        $"""
        DO $$ BEGIN
            IF NOT EXISTS (SELECT 1 FROM pg_index i
                JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey)
                WHERE i.indrelid = '{schema}.rm_statement'::regclass AND i.indisprimary AND a.attname = 'instrument')
            THEN
                ALTER TABLE {schema}.rm_statement DROP CONSTRAINT rm_statement_pkey;
                ALTER TABLE {schema}.rm_statement ADD PRIMARY KEY (account, seq, instrument, bucket);
            END IF;
        END $$
        """,
        $"""
        CREATE TABLE IF NOT EXISTS {schema}.rm_cash (
            account text PRIMARY KEY, total bigint NOT NULL, locked bigint NOT NULL, proceeds bigint NOT NULL,
            withdrawable bigint NOT NULL, last_seq bigint NOT NULL)
        """,
        $"""
        CREATE TABLE IF NOT EXISTS {schema}.rm_orders (
            order_id bigint PRIMARY KEY, account text NOT NULL, instrument text NOT NULL, mode text NOT NULL,
            side text NOT NULL, type text NOT NULL, tif text, price bigint NOT NULL, quantity bigint NOT NULL,
            open bigint NOT NULL, filled bigint NOT NULL, status text NOT NULL, cancel_reason text,
            placed_seq bigint NOT NULL, placed_at timestamptz NOT NULL, last_seq bigint NOT NULL)
        """,
        $"""
        CREATE TABLE IF NOT EXISTS {schema}.rm_trades (
            trade_id bigint PRIMARY KEY, instrument text NOT NULL, mode text NOT NULL, price bigint NOT NULL,
            quantity bigint NOT NULL, buyer text NOT NULL, seller text NOT NULL, buy_order bigint NOT NULL,
            sell_order bigint NOT NULL, buyer_fee bigint NOT NULL, seller_fee bigint NOT NULL, seq bigint NOT NULL,
            at timestamptz NOT NULL)
        """,
        $"""
        CREATE TABLE IF NOT EXISTS {schema}.rm_depth (
            instrument text NOT NULL, side text NOT NULL, level int NOT NULL, price bigint NOT NULL,
            quantity bigint NOT NULL, orders int NOT NULL, PRIMARY KEY (instrument, side, level))
        """,
        $"""
        CREATE TABLE IF NOT EXISTS {schema}.rm_market_data (
            instrument text NOT NULL, date date NOT NULL, prev_close bigint NOT NULL, open bigint NOT NULL,
            high bigint NOT NULL, low bigint NOT NULL, close bigint NOT NULL, listed_volume bigint NOT NULL,
            listed_turnover bigint NOT NULL, block_volume bigint NOT NULL, block_turnover bigint NOT NULL,
            auction_volume bigint NOT NULL, auction_turnover bigint NOT NULL, trades int NOT NULL,
            PRIMARY KEY (instrument, date))
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

    /// <summary>Runs one DDL or maintenance statement (schema, tables, keys, truncation) on an open
    /// connection.</summary>
    internal static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
#pragma warning disable CA2100 // DDL from configuration, constants and the catalogue
        await using var command = new NpgsqlCommand(sql, connection);
#pragma warning restore CA2100
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Whether every read-model table of <paramref name="schema"/> is empty, seen from
    /// <paramref name="connection"/> (inside its transaction, if it has one).</summary>
    internal static async Task<bool> TablesEmptyAsync(NpgsqlConnection connection, string schema, CancellationToken ct)
    {
        string sql = "SELECT " + string.Join(" AND ", Tables.Select(t => $"NOT EXISTS (SELECT 1 FROM {schema}.{t})"));
#pragma warning disable CA2100 // schema name from configuration, table names constant
        await using var command = new NpgsqlCommand(sql, connection);
#pragma warning restore CA2100
        return (bool)(await command.ExecuteScalarAsync(ct))!;
    }

    /// <summary>The read-model tables (not the checkpoints), for rebuild and diff.</summary>
    public static IReadOnlyList<string> Tables { get; } =
    [
        "rm_accounts", "rm_balances", "rm_statement", "rm_serial_holdings", "rm_cash", "rm_orders", "rm_trades",
        "rm_depth", "rm_market_data",
    ];
}
