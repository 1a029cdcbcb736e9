using System.CommandLine;
using CarbonLedger.Domain.Compliance;
using CarbonLedger.Domain.Mrv;
using CarbonLedger.Domain.Quantities;
using Spectre.Console;

namespace CarbonLedger.Cli.Commands;

/// <summary>
/// <c>carbonledger audit what-if --year Y [--offset-cap S] [--gap-cap S] [--grid-factor F]</c>: every
/// enterprise's recorded compliance year next to what it would have been under the changed rules.
/// </summary>
internal static class WhatIfCommand
{
    public static Command Create()
    {
        var year = new Option<int>("--year") { Required = true };
        var offsetCap = new Option<string?>("--offset-cap") { Description = "offset cap share, e.g. 0.10" };
        var gapCap = new Option<string?>("--gap-cap")
        {
            Description = "gap cap share of verified emissions, e.g. 0.20",
        };
        var grid = new Option<string?>("--grid-factor") { Description = "grid factor tCO2/MWh, e.g. 0.5810" };
        var command = new Command("what-if", "Replay a compliance year under other rules and list the differences")
        {
            year, offsetCap, gapCap, grid,
        };
        command.SetAction((parse, ct) => CommandRunner.RunWithWorkflowsAsync(parse.GetValue(CliOptions.Schema)!,
            async (_, workflows) =>
            {
                int y = parse.GetValue(year);
                ComplianceRuleBook book = CommandRunner.ComplianceRules();
                if (!book.Years.TryGetValue(y, out ComplianceRules? rules))
                {
                    return Error($"the rule book has no compliance rules for {y}", CommandRunner.MalformedArguments);
                }

                if (!Share(parse.GetValue(offsetCap), "--offset-cap", out Scaled? cap)
                    || !Share(parse.GetValue(gapCap), "--gap-cap", out Scaled? gap)
                    || !Factor(parse.GetValue(grid), out Scaled? factor))
                {
                    return CommandRunner.MalformedArguments;
                }

                ComplianceRules changed = rules with
                {
                    OffsetCapShare = cap ?? rules.OffsetCapShare, GapCapShare = gap ?? rules.GapCapShare,
                };
                ParameterValue? gridFactor = factor is { } f
                    ? new ParameterValue(f, ParameterBasis.Default, "what-if")
                    : null;
                var table = new Table().Border(TableBorder.Rounded).Title($"What if, {y}");
                table.AddColumns("enterprise", "verified t", "obligation t", "offset cap t", "shortfall t", "penalty");
                foreach (string enterprise in await workflows.Compliance.EnterprisesAsync(y, ct))
                {
                    ComplianceRecord record = await workflows.Compliance.LoadAsync(enterprise, y, ct);
                    if (record.Obligation is null)
                    {
                        continue;
                    }

                    EmissionReport report = await workflows.Reports.LoadAsync(enterprise, y, ct);
                    WhatIfOutcome o = WhatIf.Evaluate(enterprise, record, report, changed, gridFactor);
                    table.AddRow(Markup.Escape(enterprise), Change(o.RecordedVerified, o.Verified),
                        Change(o.RecordedObligation, o.Obligation), Change(o.RecordedOffsetCap, o.OffsetCap),
                        Change(o.RecordedShortfall, o.Shortfall),
                        Penalty(o));
                }

                AnsiConsole.Write(table);
                return CommandRunner.Ok;
            }, ct));
        return command;
    }

    private static string Penalty(WhatIfOutcome o) => o.RecordedPenalty == o.Penalty
        ? (o.Penalty ? "due" : "none")
        : (o.Penalty ? "[red]due[/] (was none)" : "[green]none[/] (was due)");

    private static string Change(long recorded, long whatIf) =>
        recorded == whatIf ? $"{recorded:N0}" : $"{recorded:N0} → [bold]{whatIf:N0}[/]";

    private static bool Share(string? text, string name, out Scaled? share)
    {
        share = null;
        if (text is null)
        {
            return true;
        }

        if (!Scaled.TryParse(text, out Scaled value) || value.IsNegative || value.CompareValue(Scaled.Whole(1)) > 0)
        {
            Error($"{name} '{text}' must be a decimal share between 0 and 1", 1);
            return false;
        }

        share = value;
        return true;
    }

    private static bool Factor(string? text, out Scaled? factor)
    {
        factor = null;
        if (text is null)
        {
            return true;
        }

        if (!Scaled.TryParse(text, out Scaled value) || value.Units <= 0)
        {
            Error($"--grid-factor '{text}' must be a positive decimal (tCO2/MWh)", 1);
            return false;
        }

        factor = value;
        return true;
    }

    private static int Error(string message, int code)
    {
        AnsiConsole.MarkupLine($"[red]error:[/] {Markup.Escape(message)}");
        return code;
    }
}
