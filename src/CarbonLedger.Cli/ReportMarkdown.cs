using System.Globalization;
using System.Text;
using CarbonLedger.Domain.Compliance;
using CarbonLedger.Domain.Mrv;
using CarbonLedger.Domain.Quantities;
using Spectre.Console;

namespace CarbonLedger.Cli;

/// <summary>
/// An emission report as a document: status and figures, the monitoring plan, the monthly evidence with every
/// parameter's basis and provenance, the calculation trace line by line (formula, substituted values, grams,
/// rounding, factor versions), the verifier's adjustments, restatements, held evidence, and the compliance
/// outcome. Markdown for the file; a condensed table for the terminal.
/// </summary>
internal static class ReportMarkdown
{
    public static string Render(string enterprise, int year, EmissionReport report, ComplianceRecord record)
    {
        var md = new StringBuilder();
        Line(md, $"# Annual emission report — {enterprise}, {year}");
        Line(md);
        Line(md, $"Status: **{report.Status}**.");
        AnnualEmissions? figures = report.Verified ?? report.Submitted?.Figures;
        if (figures is not null)
        {
            Line(md);
            Line(md, "| figure | tCO2 |");
            Line(md, "|---|---:|");
            Line(md, $"| direct (fuel combustion) | {T(figures.Direct)} |");
            string scope = figures.IndirectInScope ? "" : ", reported, not in scope";
            Line(md, $"| indirect (purchased electricity){scope} | {T(figures.Indirect)} |");
            Line(md, $"| in scope | {T(figures.InScope)} |");
            Line(md, $"| submitted (whole t) | {report.Submitted!.Figures.Tonnes:N0} |");
            Line(md, $"| verified (whole t) | {(report.Verified is { } v ? $"{v.Tonnes:N0}" : "-")} |");
            Line(md, $"| confirmed (whole t) | {(report.ConfirmedTonnes is { } c ? $"{c:N0}" : "-")} |");
        }

        if (report.Plan is { } plan)
        {
            Line(md);
            Line(md, "## Monitoring plan");
            Line(md);
            IEnumerable<string> fuels =
                plan.Fuels.Select(f => $"`{f.Fuel}` ({f.Unit}, bound {f.MaxMonthlyConsumption}/month)");
            Line(md, $"Reporter `{plan.Reporter.Value}`, months {plan.FirstMonth}–{plan.LastMonth}, " +
                $"grid `{plan.Grid}`, electricity bound {plan.MaxMonthlyElectricityMwh} MWh/month; fuels: " +
                string.Join(", ", fuels) + ".");
        }

        Line(md);
        Line(md, "## Monthly evidence");
        Line(md);
        Line(md, "| month | fuel | consumption | NCV | CC | OF | purchased MWh | generation MWh | heat GJ | " +
            "revision | late |");
        Line(md, "|---|---|---:|---|---|---|---:|---:|---:|---:|---:|");
        foreach ((int month, MonthlyEvidence evidence) in report.Evidence)
        {
            string late = report.DaysLate.TryGetValue(month, out int days) ? $"{days} d" : "";
            foreach (FuelLine f in evidence.Fuels)
            {
                Line(md, $"| {month:D2} | `{f.Fuel}` | {f.Consumption} | {f.NetCalorificValue} | " +
                    $"{f.CarbonContent} | {f.OxidationRate} | {evidence.PurchasedElectricityMwh} | " +
                    $"{evidence.GenerationMwh} | " +
                    $"{evidence.HeatSuppliedGj} | {report.Revisions[month]} | {late} |");
            }
        }

        if (figures is not null)
        {
            Line(md);
            Line(md, $"## Calculation trace ({(report.Verified is null ? "as submitted" : "as verified")})");
            Line(md);
            Line(md, "Each line is exact and rounded once, half-up, to the gram (decision 0012); " +
                "the total is their sum.");
            Line(md);
            Line(md, "| line | formula | values | result tCO2 | factor versions |");
            Line(md, "|---|---|---|---:|---|");
            foreach (TraceLine t in figures.Trace)
            {
                Line(md, $"| {t.Label} | {t.Formula} | {t.Substituted} | {T(t.Result)} | " +
                    $"{string.Join(", ", t.FactorIds.Select(id => $"`{id}`"))} |");
            }
        }

        if (report.Adjustments.Count > 0)
        {
            Line(md);
            Line(md, "## Verifier adjustments");
            Line(md);
            Line(md, "| month | fuel | parameter | before | after | reason | verifier |");
            Line(md, "|---:|---|---|---|---|---|---|");
            foreach (ParameterAdjusted a in report.Adjustments)
            {
                Line(md, $"| {a.Month:D2} | {a.Fuel} | {a.Parameter} | {a.Before} | {a.After} | {a.Reason} | " +
                    $"`{a.Verifier.Value}` |");
            }
        }

        foreach (EmissionsRestated r in report.Restatements)
        {
            Line(md);
            Line(md, $"Restated by `{r.Regulator.Value}`: {r.Before:N0} → {r.After:N0} t ({r.Reason}).");
        }

        foreach (EvidenceHeldForReview h in report.Held)
        {
            Line(md);
            Line(md, $"Held for review: month {h.Evidence.Month:D2}, {h.Reason}.");
        }

        if (record.Obligation is { } o)
        {
            Line(md);
            Line(md, "## Compliance");
            Line(md);
            Line(md, $"Obligation {o.ObligationTonnes:N0} t (allocation {o.AllocationTonnes:N0} t, offset cap " +
                $"{o.OffsetCapTonnes:N0} t, rules v{o.RulesVersion}), " +
                $"deadline {o.Deadline:uuuu-MM-dd HH:mm} Asia/Shanghai.");
            Line(md);
            Line(md, "| request | instrument | tonnes | kind | project | serials | ledger seq |");
            Line(md, "|---|---|---:|---|---|---|---:|");
            foreach ((SurrenderRequested req, SurrenderCompleted done) in record.Surrendered)
            {
                Line(md, $"| {req.RequestId} | {req.Instrument} | {req.Tonnes:N0} | " +
                    $"{(req.Forced ? "forced" : req.IsOffset ? "offset" : "allowance")} | {req.Project} | " +
                    $"{string.Join(", ", done.Serials)} | {done.LedgerSequence} |");
            }

            if (record.Closed is { } closed)
            {
                Line(md);
                Line(md, closed.ShortfallTonnes == 0
                    ? "Closed: compliant."
                    : $"Closed: short by {closed.ShortfallTonnes:N0} t" +
                      (record.Deduction is { } d ? $", deducted from the {d.Year} allocation" : "") +
                      (record.Penalty is { } p ? $"; penalty CNY {p.Amount.Fen / 100:N0} ({p.Basis})" : "") + ".");
            }
        }

        return md.ToString();
    }

    public static void ToTerminal(string enterprise, int year, EmissionReport report)
    {
        AnnualEmissions? figures = report.Verified ?? report.Submitted?.Figures;
        var table = new Table().Border(TableBorder.Rounded)
            .Title($"{Markup.Escape(enterprise)} {year}: {report.Status}" +
                (report.ConfirmedTonnes is { } c ? $", confirmed {c:N0} t" : ""));
        table.AddColumns("line", "values", "tCO2", "factor versions");
        table.Columns[2].RightAligned();
        foreach (TraceLine t in figures?.Trace ?? [])
        {
            table.AddRow(Markup.Escape(t.Label), Markup.Escape(t.Substituted), T(t.Result),
                Markup.Escape(string.Join(", ", t.FactorIds)));
        }

        AnsiConsole.Write(table);
    }

    private static string T(Co2e quantity) => quantity.ToString().Replace(" t", "", StringComparison.Ordinal);

    private static void Line(StringBuilder md, string text = "") => md.Append(text).Append('\n');
}
