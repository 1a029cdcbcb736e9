using System.CommandLine;
using CarbonLedger.Cli.Commands;

namespace CarbonLedger.Cli;

/// <summary>
/// Entry point of the <c>carbonledger</c> command. Exit codes: 0 success; 1 malformed arguments (for
/// <c>match</c>, also an input file or output folder that does not exist); 2 the ledger refused something (a
/// rejection, a broken hash chain; for <c>match</c>, an input that is not an order CSV at all); 3 the
/// infrastructure failed (no PostgreSQL binaries, database unreachable; for <c>match</c>, a read or write error).
/// </summary>
internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        // Redirected output (files, CI logs) has no terminal width; tables need more than the 80-column default.
        if (Console.IsOutputRedirected)
        {
            Spectre.Console.AnsiConsole.Profile.Width = 160;
        }

        return await BuildRoot().Parse(args).InvokeAsync();
    }

    internal static RootCommand BuildRoot()
    {
        var root = new RootCommand(
            "CarbonLedger: the event-sourced system of record for a carbon market (allowances, CCER, 碳普惠).")
        {
            CliOptions.Schema,
        };
        root.Subcommands.Add(DemoCommand.Create());
        root.Subcommands.Add(BalancesCommand.Create());
        root.Subcommands.Add(StatementCommand.Create());
        root.Subcommands.Add(AuditCommand.Create());
        root.Subcommands.Add(MatchCommand.Create());
        root.Subcommands.Add(SimulateCommand.Create());
        root.Subcommands.Add(ComplianceYearCommand.Create());
        root.Subcommands.Add(ReportCommand.Create());
        root.Subcommands.Add(InclusionCommand.Create());
        root.Subcommands.Add(CertificateCommand.Create());
        root.Subcommands.Add(AsOfCommand.Create());
        return root;
    }
}
