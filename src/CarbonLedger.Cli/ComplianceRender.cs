using System.Globalization;
using CarbonLedger.Cli.Commands;
using CarbonLedger.Domain.Compliance;
using Spectre.Console;

namespace CarbonLedger.Cli;

/// <summary>The compliance table of <c>compliance --year</c> and <c>compliance simulate</c>.</summary>
internal static class ComplianceRender
{
    public static void Table(IReadOnlyList<ComplianceYearCommand.ComplianceRow> rows, int year)
    {
        var table = new Table().Border(TableBorder.Rounded).Title($"Compliance {year}");
        table.AddColumns("enterprise", "verified t", "allocation t", "obligation t", "allowances t", "offsets t",
            "offset cap t", "offset use", "shortfall t", "penalty CNY", "status");
        for (int c = 1; c < 10; c++)
        {
            table.Columns[c].RightAligned();
        }

        foreach (ComplianceYearCommand.ComplianceRow r in rows)
        {
            ObligationSet? o = r.Record.Obligation;
            long allowances = r.Record.SurrenderedTonnes - r.Record.OffsetTonnes;
            long tenths = o is null || o.OffsetCapTonnes == 0
                ? -1
                : Domain.Quantities.Rounding.MultiplyDivideHalfUp(r.Record.OffsetTonnes, 1_000, o.OffsetCapTonnes);
            string use = tenths < 0
                ? "-"
                : string.Create(CultureInfo.InvariantCulture, $"{tenths / 10}.{tenths % 10} %");
            table.AddRow(
                Markup.Escape(r.Enterprise),
                r.Report.ConfirmedTonnes is { } t ? $"{t:N0}" : $"[grey]{r.Report.Status}[/]",
                o is null ? "-" : $"{o.AllocationTonnes:N0}",
                o is null ? "-" : $"{o.ObligationTonnes:N0}",
                $"{allowances:N0}",
                $"{r.Record.OffsetTonnes:N0}",
                o is null ? "-" : $"{o.OffsetCapTonnes:N0}",
                use,
                Shortfall(r.Record),
                r.Record.Penalty is { } p ? $"{p.Amount.Fen / 100:N0}" : "-",
                Status(r.Record));
        }

        AnsiConsole.Write(table);
    }

    private static string Shortfall(ComplianceRecord record) => record switch
    {
        { Closed: { } closed } => $"{closed.ShortfallTonnes:N0}",
        { Obligation: null } => "-",
        _ => $"({record.OpenTonnes:N0} open)",
    };

    private static string Status(ComplianceRecord record) => record switch
    {
        { Obligation: null } => "[grey]no obligation[/]",
        { Closed: null, OpenTonnes: 0 } => "[green]met (open)[/]",
        { Closed: null } => "open",
        { Closed.ShortfallTonnes: 0 } => "[green]compliant[/]",
        _ => $"[red]short[/]{(record.Deduction is { } d ? $" (−{d.Tonnes:N0} t in {d.Year})" : "")}",
    };
}
