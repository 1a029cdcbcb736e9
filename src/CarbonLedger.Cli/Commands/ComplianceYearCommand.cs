using System.CommandLine;
using System.Globalization;
using CarbonLedger.Domain.Compliance;
using CarbonLedger.Domain.Mrv;
using CarbonLedger.Engine;
using CarbonLedger.Engine.Postgres;
using CarbonLedger.Engine.Simulation;
using CarbonLedger.Engine.Workflows;
using NodaTime;
using Spectre.Console;

namespace CarbonLedger.Cli.Commands;

/// <summary>
/// <c>carbonledger compliance --year Y</c>: every enterprise's verified emissions, allocation, surrendered
/// allowances and offsets, offset use against its cap, shortfall, penalty and status.
/// <c>carbonledger compliance simulate --year Y --enterprises N --seed S</c>: a seeded compliance year through
/// the real workflows and ledger core (a fresh schema <c>mrv_S_yyyyMMddHHmmss</c> unless <c>--schema</c>).
/// </summary>
internal static class ComplianceYearCommand
{
    public static Command Create()
    {
        var year = new Option<int>("--year") { Description = "compliance year", Required = true };
        year.Validators.Add(r => YearRange(r));
        var command = new Command("compliance", "List every enterprise's compliance for a year") { year };
        command.SetAction((parse, ct) => CommandRunner.RunWithWorkflowsAsync(parse.GetValue(CliOptions.Schema)!,
            async (_, workflows) =>
            {
                int y = parse.GetValue(year);
                IReadOnlyList<ComplianceRow> rows = await RowsAsync(workflows, y, ct);
                ComplianceRender.Table(rows, y);
                return CommandRunner.Ok;
            }, ct));
        command.Subcommands.Add(CreateSimulate());
        return command;
    }

    /// <summary>One enterprise's line: its report and its compliance record.</summary>
    internal sealed record ComplianceRow(string Enterprise, EmissionReport Report, ComplianceRecord Record);

    internal static async Task<IReadOnlyList<ComplianceRow>> RowsAsync(
        LedgerWorkflows workflows, int year, CancellationToken ct)
    {
        var enterprises = (await workflows.Compliance.EnterprisesAsync(year, ct))
            .Union(await workflows.Reports.EnterprisesAsync(year, ct))
            .Order(StringComparer.Ordinal)
            .ToList();
        var rows = new List<ComplianceRow>(enterprises.Count);
        foreach (string enterprise in enterprises)
        {
            rows.Add(new ComplianceRow(enterprise, await workflows.Reports.LoadAsync(enterprise, year, ct),
                await workflows.Compliance.LoadAsync(enterprise, year, ct)));
        }

        return rows;
    }

    private static Command CreateSimulate()
    {
        var year = new Option<int>("--year") { Description = "compliance year", DefaultValueFactory = _ => 2022 };
        year.Validators.Add(r => YearRange(r));
        var enterprises = new Option<int>("--enterprises")
        {
            Description = "covered enterprises", DefaultValueFactory = _ => 12,
        };
        enterprises.Validators.Add(r =>
        {
            int n = r.GetValueOrDefault<int>();
            if (n is < 1 or > 500)
            {
                r.AddError($"--enterprises must be between 1 and 500 (got {n})");
            }
        });
        var seed = new Option<int>("--seed") { Description = "random seed", DefaultValueFactory = _ => 1 };
        var command = new Command("simulate",
            "Run a seeded compliance year (reports, verification, allocation, surrender, closing) durably")
        {
            year, enterprises, seed,
        };
        command.SetAction((parse, ct) =>
        {
            int s = parse.GetValue(seed);
            string schema = CliOptions.SchemaOrFresh(parse, "mrv", s);
            return SimulateAsync(schema, parse.GetValue(year), parse.GetValue(enterprises), s, ct);
        });
        return command;
    }

    private static Task<int> SimulateAsync(string schema, int year, int enterprises, int seed, CancellationToken ct) =>
        CommandRunner.GuardAsync(async () =>
        {
            ComplianceRuleBook rules = CommandRunner.ComplianceRules();
            if (!rules.Years.ContainsKey(year) || !rules.Plans.ContainsKey(year))
            {
                AnsiConsole.MarkupLine($"[red]error:[/] the rule book has no compliance rules and plan for {year} " +
                    $"(it has {string.Join(", ", rules.Years.Keys.Order())})");
                return CommandRunner.MalformedArguments;
            }

            var clock = new SimulatedClock(Instant.FromUtc(year, 1, 1, 0, 0));
            await using LedgerDatabase database = await LedgerDatabase.OpenAsync(new LedgerDatabaseOptions(), ct);
            await using LedgerEngine engine = await LedgerEngine.StartAsync(new LedgerEngineOptions
            {
                ConnectionString = database.ConnectionString, Schema = schema, Clock = clock,
            }, ct);
            await using LedgerWorkflows workflows =
                await LedgerWorkflows.OpenAsync(engine, database.ConnectionString, schema, rules, clock, ct);
            AnsiConsole.MarkupLine($"[bold]simulating[/] compliance year {year}, {enterprises} enterprises, " +
                $"seed {seed}, schema [blue]{schema}[/]");
            int steps = 0;
            await AnsiConsole.Status().StartAsync("reporting, verifying, allocating, surrendering…", async _ =>
                steps = await new ComplianceSimulation(engine, workflows, clock, rules)
                    .RunAsync(year, enterprises, seed, ct));
            ComplianceRender.Table(await RowsAsync(workflows, year, ct), year);
            AnsiConsole.MarkupLine($"{steps:N0} workflow steps and ledger commands; see a report with " +
                $"[blue]report --enterprise PLANT-001 --year {year} --schema {schema}[/]");
            return CommandRunner.Ok;
        });

    private static void YearRange(System.CommandLine.Parsing.OptionResult r)
    {
        int value = r.GetValueOrDefault<int>();
        if (value is < 2013 or > 2100)
        {
            r.AddError($"--year must be between 2013 and 2100 (got {value})");
        }
    }
}
