using System.CommandLine;
using CarbonLedger.Domain.Identity;

namespace CarbonLedger.Cli.Commands;

/// <summary><c>carbonledger balances [--account A]</c>: balances by account × instrument × bucket.</summary>
internal static class BalancesCommand
{
    public static Command Create()
    {
        var account = new Option<string?>("--account") { Description = "only this account" };
        account.Validators.Add(r =>
        {
            string? value = r.GetValueOrDefault<string?>();
            if (value is not null && !AccountId.TryOf(value, out _, out string? error))
            {
                r.AddError($"--account: {error}");
            }
        });
        var command = new Command("balances", "Show balances by account, instrument and bucket") { account };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse.GetValue(CliOptions.Schema)!, async session =>
        {
            string? id = parse.GetValue(account);
            var rows = await session.Queries.BalancesAsync(id is null ? null : AccountId.Of(id), ct);
            Render.Balances(rows, id is null ? "Balances" : $"Balances of {id}");
            return CommandRunner.Ok;
        }, ct));
        return command;
    }
}
