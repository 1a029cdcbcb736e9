using CarbonLedger.Domain.Accounts;
using CarbonLedger.Domain.Identity;
using CarbonLedger.Domain.Instruments;
using CarbonLedger.Domain.Quantities;
using CarbonLedger.Domain.Registry;
using NodaTime;
using Npgsql;

namespace CarbonLedger.Engine.ReadModels;

/// <summary>Reads of the read models (what hosts show to people), straight from their tables.</summary>
public sealed class ReadModelQueries(NpgsqlDataSource dataSource, string schema)
{
    /// <summary>One row of the balances read model.</summary>
    public sealed record BalanceRow(AccountId Account, InstrumentId Instrument, Position Position, long LastSequence);

    /// <summary>One row of the serial-holdings read model.</summary>
    public sealed record SerialRow(InstrumentId Instrument, long Start, long End, AccountId Account, Bucket Bucket,
        string? FreezeId);

    /// <summary>Balances by account × instrument × bucket, optionally for one account, ordered.</summary>
    public async Task<IReadOnlyList<BalanceRow>> BalancesAsync(AccountId? account, CancellationToken ct)
    {
        var rows = new List<BalanceRow>();
        await using NpgsqlConnection connection = await dataSource.OpenConnectionAsync(ct);
#pragma warning disable CA2100 // schema from configuration; values are parameters
        await using var command = new NpgsqlCommand(
            $"""
            SELECT account, instrument, available, locked, unsettled, frozen, pledged, last_seq
            FROM {schema}.rm_balances WHERE ($1::text IS NULL OR account = $1) ORDER BY account, instrument
            """, connection);
#pragma warning restore CA2100
        command.Parameters.Add(AccountParameter(account));
        await using NpgsqlDataReader reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var position = new Position(new Co2e(reader.GetInt64(2)), new Co2e(reader.GetInt64(3)),
                new Co2e(reader.GetInt64(4)), new Co2e(reader.GetInt64(5)), new Co2e(reader.GetInt64(6)));
            rows.Add(new BalanceRow(AccountId.Of(reader.GetString(0)), InstrumentId.Parse(reader.GetString(1)),
                position, reader.GetInt64(7)));
        }

        return rows;
    }

    /// <summary>An account's statement: every movement, oldest first.</summary>
    public async Task<IReadOnlyList<StatementLine>> StatementAsync(AccountId account, CancellationToken ct)
    {
        var lines = new List<StatementLine>();
        await using NpgsqlConnection connection = await dataSource.OpenConnectionAsync(ct);
#pragma warning disable CA2100 // schema from configuration; values are parameters
        await using var command = new NpgsqlCommand(
            $"""
            SELECT account, seq, bucket, instrument, delta, event_type, counterparty, reference, at
            FROM {schema}.rm_statement WHERE account = $1 ORDER BY seq, bucket
            """, connection);
#pragma warning restore CA2100
        command.Parameters.AddWithValue(account.Value);
        await using NpgsqlDataReader reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            lines.Add(new StatementLine(AccountId.Of(reader.GetString(0)), reader.GetInt64(1),
                Enum.Parse<Bucket>(reader.GetString(2)), InstrumentId.Parse(reader.GetString(3)),
                new Co2e(reader.GetInt64(4)), reader.GetString(5),
                reader.IsDBNull(6) ? null : reader.GetString(6), reader.IsDBNull(7) ? null : reader.GetString(7),
                Instant.FromDateTimeOffset(reader.GetFieldValue<DateTimeOffset>(8))));
        }

        return lines;
    }

    /// <summary>Serial blocks held by an account (or all), ordered by instrument and serial.</summary>
    public async Task<IReadOnlyList<SerialRow>> SerialHoldingsAsync(AccountId? account, CancellationToken ct)
    {
        var rows = new List<SerialRow>();
        await using NpgsqlConnection connection = await dataSource.OpenConnectionAsync(ct);
#pragma warning disable CA2100 // schema from configuration; values are parameters
        await using var command = new NpgsqlCommand(
            $"""
            SELECT instrument, serial_start, serial_end, account, bucket, freeze_id
            FROM {schema}.rm_serial_holdings WHERE ($1::text IS NULL OR account = $1)
            ORDER BY instrument, serial_start
            """, connection);
#pragma warning restore CA2100
        command.Parameters.Add(AccountParameter(account));
        await using NpgsqlDataReader reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            rows.Add(new SerialRow(InstrumentId.Parse(reader.GetString(0)), reader.GetInt64(1), reader.GetInt64(2),
                AccountId.Of(reader.GetString(3)), Enum.Parse<Bucket>(reader.GetString(4)),
                reader.IsDBNull(5) ? null : reader.GetString(5)));
        }

        return rows;
    }

    private static NpgsqlParameter AccountParameter(AccountId? account) =>
        new() { Value = (object?)account?.Value ?? DBNull.Value, DataTypeName = "text" };
}
