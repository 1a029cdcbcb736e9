using System.Globalization;
using System.Text;
using System.Text.Json;
using CarbonLedger.Domain.Compliance;

namespace CarbonLedger.Engine.Workflows;

/// <summary>
/// Writes the annual summary as CSV (a header, one row per enterprise, then a <c>TOTAL</c> row) or NDJSON (one
/// object per enterprise, then the total with <c>"enterprise":"TOTAL"</c>); columns in docs/reference/exports.md.
/// Written to a temporary file beside the target and moved into place: a failure never leaves a partial file.
/// </summary>
public static class AnnualSummaryFile
{
    /// <summary>The name of the totals row.</summary>
    public const string Total = "TOTAL";

    /// <summary>The columns (CSV header; NDJSON field names).</summary>
    public static IReadOnlyList<string> Columns { get; } =
    [
        "year", "enterprise", "report_status", "verified_t", "confirmed_t", "pre_allocation_t", "true_up_t",
        "exemption_top_up_t", "clawed_back_t", "claw_back_deficit_t", "net_allocation_t", "obligation_t",
        "offset_cap_t", "allowances_surrendered_t", "ccer_surrendered_t", "shcer_surrendered_t", "trades",
        "bought_t", "sold_t", "turnover_fen", "shortfall_t", "penalty_fen", "next_year_deduction_t", "state",
    ];

    /// <summary>Writes <paramref name="rows"/> of <paramref name="year"/> and their totals to
    /// <paramref name="path"/>.</summary>
    public static async Task WriteAsync(string path, int year, IReadOnlyList<AnnualSummaryRow> rows, bool csv,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(rows);
        string temporary = path + ".partial";
        try
        {
            await using (var writer = new StreamWriter(temporary, false, new UTF8Encoding(false)))
            {
                if (csv)
                {
                    await writer.WriteLineAsync(string.Join(',', Columns));
                }

                foreach (object?[] values in rows.Select(r => Values(year, r)).Append(Totals(year, rows)))
                {
                    ct.ThrowIfCancellationRequested();
                    await writer.WriteLineAsync(csv ? CsvLine(values) : JsonLine(values));
                }
            }

            File.Move(temporary, path, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    private static object?[] Values(int year, AnnualSummaryRow row)
    {
        ComplianceStatus s = row.Status;
        return
        [
            year, s.Enterprise, s.ReportStatus.ToString(), s.VerifiedTonnes, s.ConfirmedTonnes, s.PreAllocatedTonnes,
            s.TrueUpTonnes, s.ExemptionTopUpTonnes, s.ClawedBackTonnes, s.ClawBackDeficitTonnes, s.NetAllocationTonnes,
            s.ObligationTonnes, s.OffsetCapTonnes, s.AllowancesSurrenderedTonnes, s.CcerSurrenderedTonnes,
            s.ShcerSurrenderedTonnes, row.Trades, row.BoughtTonnes, row.SoldTonnes, row.TurnoverFen,
            s.ShortfallTonnes, s.PenaltyFen, s.DeductionTonnes, s.State,
        ];
    }

    /// <summary>Every numeric column summed over the rows (an empty figure counts as 0); no status or state.</summary>
    private static object?[] Totals(int year, IReadOnlyList<AnnualSummaryRow> rows)
    {
        object?[] total = new object?[Columns.Count];
        total[0] = year;
        total[1] = Total;
        foreach (object?[] values in rows.Select(r => Values(year, r)))
        {
            for (int c = 3; c < values.Length; c++)
            {
                if (values[c] is long v)
                {
                    total[c] = checked((long)(total[c] ?? 0L) + v);
                }
            }
        }

        for (int c = 3; c < total.Length - 1; c++)
        {
            total[c] ??= 0L;
        }

        return total;
    }

    private static string CsvLine(object?[] values) => string.Join(',', values.Select(v => v switch
    {
        null => "",
        string s => s.AsSpan().IndexOfAny(",\"\n\r") < 0
            ? s
            : "\"" + s.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"",
        _ => Convert.ToString(v, CultureInfo.InvariantCulture),
    }));

    private static string JsonLine(object?[] values)
    {
        var fields = new Dictionary<string, object?>(Columns.Count);
        for (int c = 0; c < Columns.Count; c++)
        {
            fields[Columns[c]] = values[c];
        }

        return JsonSerializer.Serialize(fields);
    }
}
