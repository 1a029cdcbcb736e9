using System.CommandLine;
using CarbonLedger.Engine;
using Spectre.Console;

namespace CarbonLedger.Cli.Commands;

/// <summary>
/// <c>carbonledger audit verify</c>: walks the journal's hash chain; exit 2 at the first broken link.
/// </summary>
internal static class AuditCommand
{
    public static Command Create()
    {
        var verify = new Command("verify", "Verify the journal's SHA-256 hash chain and report the first broken link");
        verify.SetAction((parse, ct) => CommandRunner.RunOnJournalAsync(parse.GetValue(CliOptions.Schema)!,
            async journal => Print(await JournalVerifier.VerifyAsync(journal, ct)), ct));
        return new Command("audit", "Regulator's audit tools") { verify };
    }

    public static int Print(JournalVerifier.Report report)
    {
        if (report.IsIntact)
        {
            AnsiConsole.MarkupLine(
                $"[green]hash chain intact[/]: {report.EventsChecked} events, head {report.ChainHead}");
            return CommandRunner.Ok;
        }

        AnsiConsole.MarkupLine(
            $"[red]hash chain broken[/] at ledger sequence {report.BrokenAtSequence} " +
            $"(store sequence {report.BrokenAtStoreSequence}): {Markup.Escape(report.Problem ?? "")}");
        return CommandRunner.Refused;
    }
}
