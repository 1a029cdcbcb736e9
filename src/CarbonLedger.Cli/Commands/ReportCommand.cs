using System.CommandLine;
using CarbonLedger.Domain.Mrv;
using Spectre.Console;

namespace CarbonLedger.Cli.Commands;

/// <summary>
/// <c>carbonledger report --enterprise E --year Y [--out FILE]</c>: the annual emission report with its full
/// calculation trace, on the terminal and as a Markdown file (default <c>report-E-Y.md</c>).
/// </summary>
internal static class ReportCommand
{
    public static Command Create()
    {
        var enterprise = new Option<string>("--enterprise")
        {
            Description = "the reporting enterprise", Required = true,
        };
        enterprise.Validators.Add(r =>
        {
            string? value = r.GetValueOrDefault<string>();
            if (string.IsNullOrWhiteSpace(value) || value.Length > 64
                || !value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.'))
            {
                r.AddError($"--enterprise '{value}' must be 1-64 letters, digits, '-', '_' or '.'");
            }
        });
        var year = new Option<int>("--year") { Description = "reporting year", Required = true };
        var output = new Option<FileInfo?>("--out") { Description = "Markdown file to write (default report-E-Y.md)" };
        var command = new Command("report", "Render an annual emission report with its calculation trace")
        {
            enterprise, year, output,
        };
        command.SetAction((parse, ct) => CommandRunner.RunWithWorkflowsAsync(parse.GetValue(CliOptions.Schema)!,
            async (_, workflows) =>
            {
                string e = parse.GetValue(enterprise)!;
                int y = parse.GetValue(year);
                EmissionReport report = await workflows.Reports.LoadAsync(e, y, ct);
                if (report.Status == ReportStatus.None)
                {
                    AnsiConsole.MarkupLine($"[red]error:[/] no emission report for {Markup.Escape(e)} in {y}");
                    return CommandRunner.Refused;
                }

                var record = await workflows.Compliance.LoadAsync(e, y, ct);
                string markdown = ReportMarkdown.Render(e, y, report, record);
                FileInfo file = parse.GetValue(output) ?? new FileInfo($"report-{e}-{y}.md");
                await File.WriteAllTextAsync(file.FullName, markdown, ct);
                ReportMarkdown.ToTerminal(e, y, report);
                AnsiConsole.MarkupLine($"written [blue]{Markup.Escape(file.FullName)}[/]");
                return CommandRunner.Ok;
            }, ct));
        return command;
    }
}
