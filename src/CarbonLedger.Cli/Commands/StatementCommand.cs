using System.CommandLine;
using CarbonLedger.Domain.Identity;

namespace CarbonLedger.Cli.Commands;

/// <summary><c>carbonledger statement --account A</c>: every movement of one account with its event and time.</summary>
internal static class StatementCommand
{
    public static Command Create()
    {
        var account = new Option<string>("--account") { Description = "the account", Required = true };
        account.Validators.Add(r =>
        {
            if (!AccountId.TryOf(r.GetValueOrDefault<string>(), out _, out string? error))
            {
                r.AddError($"--account: {error}");
            }
        });
        var command = new Command("statement", "Show an account's statement (every movement)") { account };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse.GetValue(CliOptions.Schema)!, async session =>
        {
            var id = AccountId.Of(parse.GetValue(account)!);
            if (await session.Engine.ReadAsync(l => l.FindAccount(id), ct) is null)
            {
                string escaped = Spectre.Console.Markup.Escape(id.Value);
                Spectre.Console.AnsiConsole.MarkupLine($"[red]error:[/] unknown account {escaped}");
                return CommandRunner.Refused;
            }

            Render.Statement(await session.Queries.StatementAsync(id, ct), $"Statement of {id}");
            return CommandRunner.Ok;
        }, ct));
        return command;
    }
}
