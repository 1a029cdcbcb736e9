using System.CommandLine;
using CarbonLedger.Engine.Backtest;

namespace CarbonLedger.Cli.Commands;

/// <summary>
/// <c>carbonledger match --orders FILE --out FILE</c>: runs an order CSV through in-memory order books and
/// writes every book output as CSV (docs/reference/match-csv.md). No database: it is a backtesting tool.
/// </summary>
internal static class MatchCommand
{
    public static Command Create()
    {
        var orders = new Option<string>("--orders")
        {
            Description = "Order CSV to run (docs/reference/match-csv.md)",
            Required = true,
        };
        var output = new Option<string>("--out")
        {
            Description = "Output CSV of every book event and malformed row (replaced atomically)",
            Required = true,
        };
        var command = new Command("match", "Run an order CSV through in-memory order books (no database)")
        {
            orders,
            output,
        };
        command.SetAction((parse, ct) =>
            Task.FromResult(Run(parse.GetValue(orders)!, parse.GetValue(output)!)));
        return command;
    }

    private static int Run(string orders, string output)
    {
        try
        {
            MatchSummary summary = MatchFiles.Run(orders, output, Console.Error);
            Console.Out.Write(summary.Format());
            return CommandRunner.Ok;
        }
        catch (MatchFileException e)
        {
            Console.Error.Write($"error: {e.Message}\n");
            return e.Failure switch
            {
                MatchFailure.Usage => CommandRunner.MalformedArguments,
                MatchFailure.InvalidInput => CommandRunner.Refused,
                _ => CommandRunner.InfrastructureFailed,
            };
        }
    }
}
