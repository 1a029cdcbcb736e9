using System.CommandLine;
using CarbonLedger.Domain.Compliance;
using CarbonLedger.Engine.Workflows;
using Spectre.Console;

namespace CarbonLedger.Cli.Commands;

/// <summary>
/// <c>carbonledger audit summary --year Y --out FILE [--format csv|ndjson]</c>: the regulator's annual summary,
/// per enterprise and in total: allocations, verified emissions, obligation, surrenders, offsets, trades,
/// shortfall and penalties (columns in docs/reference/exports.md), written atomically.
/// </summary>
internal static class SummaryCommand
{
    public static Command Create()
    {
        var year = new Option<int>("--year") { Description = "compliance year", Required = true };
        var output = new Option<FileInfo>("--out") { Description = "the file to write", Required = true };
        var format = new Option<string>("--format") { Description = "csv or ndjson", DefaultValueFactory = _ => "csv" };
        format.AcceptOnlyFromAmong("csv", "ndjson");
        var command = new Command("summary",
            "Write the year's summary per enterprise and in total (allocations to penalties)")
        {
            year, output, format,
        };
        command.SetAction((parse, ct) => CommandRunner.RunOnJournalAsync(parse.GetValue(CliOptions.Schema)!,
            async (journal, connection) =>
            {
                int y = parse.GetValue(year);
                FileInfo file = parse.GetValue(output)!;
                ComplianceRuleBook book = CommandRunner.ComplianceRules();
                if (!book.Years.TryGetValue(y, out ComplianceRules? rules))
                {
                    return Error($"the rule book has no compliance rules for {y} (it has " +
                        $"{string.Join(", ", book.Years.Keys.Order())})");
                }

                if (file.Directory is not { Exists: true } || Directory.Exists(file.FullName))
                {
                    return Error($"cannot write {file.FullName}: " +
                        (Directory.Exists(file.FullName) ? "it is a folder" : "its folder does not exist"));
                }

                await using ComplianceHistory history = await ComplianceHistory.OpenAsync(connection, journal.Schema,
                    ct);
                IReadOnlyList<AnnualSummaryRow> rows = await AnnualSummary.BuildAsync(history, journal.DataSource,
                    journal.Schema, rules, book.Zone, ct);
                if (rows.Count == 0)
                {
                    return Error($"no emission report, allocation or compliance record for {y} in schema " +
                        journal.Schema);
                }

                try
                {
                    await AnnualSummaryFile.WriteAsync(file.FullName, y, rows, parse.GetValue(format) == "csv", ct);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    return Error($"cannot write {file.FullName}: {e.Message}");
                }

                AnsiConsole.MarkupLine($"summary of {y}: {rows.Count} enterprises and the total written to " +
                    $"[blue]{Markup.Escape(file.FullName)}[/]");
                return CommandRunner.Ok;
            }, ct));
        return command;
    }

    private static int Error(string message)
    {
        AnsiConsole.MarkupLine($"[red]error:[/] {Markup.Escape(message)}");
        return CommandRunner.MalformedArguments;
    }
}
