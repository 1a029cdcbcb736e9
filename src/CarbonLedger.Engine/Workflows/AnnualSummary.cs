using CarbonLedger.Domain.Compliance;
using CarbonLedger.Domain.Identity;
using CarbonLedger.Domain.Quantities;
using NodaTime;
using Npgsql;

namespace CarbonLedger.Engine.Workflows;

/// <summary>
/// The regulator's annual summary of a compliance year (<c>audit summary</c>): for every enterprise with a report,
/// allocation or compliance record for the year, its status (<see cref="ComplianceStatus"/>) and its trades on the
/// exchange. An enterprise's trades are those of the trading accounts owned by its obligation's actor (one open
/// trading account per owner at a time, decision 0009), dated in the calendar year in the market's zone, [1 January
/// Y, 1 January Y+1): the deadline falls in Y+1, and a window up to it would count a January trade in two years'
/// summaries (decision 0015). Turnover is price × quantity, fees excluded. The trades come from the exchange read
/// model <c>rm_trades</c>, which the journal rebuilds exactly.
/// </summary>
public static class AnnualSummary
{
    /// <summary>The rows of <paramref name="year"/>, enterprises in ordinal order (empty when it has none).</summary>
    public static async Task<IReadOnlyList<AnnualSummaryRow>> BuildAsync(ComplianceHistory history,
        NpgsqlDataSource ledger, string schema, ComplianceRules rules, DateTimeZone zone, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(zone);
        Instant start = new LocalDate(rules.Year, 1, 1).AtStartOfDayInZone(zone).ToInstant();
        Instant end = new LocalDate(checked(rules.Year + 1), 1, 1).AtStartOfDayInZone(zone).ToInstant();
        var rows = new List<AnnualSummaryRow>();
        foreach (string enterprise in await history.EnterprisesAsync(rules.Year, ct))
        {
            ComplianceAsOf asOf = (await history.AsOfAsync(enterprise, rules.Year, null, ct))!;
            (long trades, long bought, long sold, long turnover) = asOf.Obligation is { } o
                ? await TradesAsync(ledger, schema, o.EnterpriseActor, start, end, ct)
                : (0, 0, 0, 0);
            rows.Add(new AnnualSummaryRow(asOf.Status, trades, bought, sold, turnover));
        }

        return rows;
    }

    private static async Task<(long Trades, long Bought, long Sold, long Turnover)> TradesAsync(
        NpgsqlDataSource ledger, string schema, ActorId owner, Instant start, Instant end, CancellationToken ct)
    {
#pragma warning disable CA2100 // the schema name comes from configuration; values are parameters
        await using NpgsqlCommand command = ledger.CreateCommand(
            $"SELECT t.price, t.quantity, b.owner = $1, s.owner = $1 FROM {schema}.rm_trades t " +
            $"JOIN {schema}.rm_accounts b ON b.account = t.buyer JOIN {schema}.rm_accounts s ON s.account = t.seller " +
            "WHERE (b.owner = $1 OR s.owner = $1) AND t.at >= $2 AND t.at < $3");
#pragma warning restore CA2100
        command.Parameters.AddWithValue(owner.Value);
        command.Parameters.AddWithValue(start.ToDateTimeOffset());
        command.Parameters.AddWithValue(end.ToDateTimeOffset());
        long trades = 0;
        long bought = 0;
        long sold = 0;
        Money turnover = Money.Zero;
        await using NpgsqlDataReader reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var quantity = new Co2e(reader.GetInt64(1));
            trades++;
            // Each side on its own: were both the owner's (the core prevents it: one open trading account per
            // owner, self-trade prevention), the trade would be a purchase and a sale, not a purchase alone.
            bought = checked(bought + (reader.GetBoolean(2) ? quantity.Grams : 0));
            sold = checked(sold + (reader.GetBoolean(3) ? quantity.Grams : 0));
            turnover += Price.FromFenPerTonne(reader.GetInt64(0)).ValueOf(quantity);
        }

        // Registry quantities are whole tonnes (lot 1 t), so the division is exact.
        return (trades, bought / Co2e.GramsPerTonne, sold / Co2e.GramsPerTonne, turnover.Fen);
    }
}
