using System.CommandLine;
using System.Globalization;
using CarbonLedger.Domain.Identity;
using CarbonLedger.Domain.Registry;
using CarbonLedger.Domain.Trading;
using CarbonLedger.Engine.Journal;
using CarbonLedger.Engine.ReadModels;
using NodaTime;
using NodaTime.Text;
using Spectre.Console;

namespace CarbonLedger.Cli.Commands;

/// <summary>
/// <c>carbonledger asof (--seq N | --at 2026-03-10T15:00:00+08:00) [--account A]</c>: balances by bucket,
/// serial blocks and the top of every order book as they stood then, from a replay of the journal up to there.
/// With <c>--enterprise E [--year Y]</c> (and <c>--at</c>): that enterprise's compliance status then
/// (<see cref="ComplianceAsOfCommand"/>).
/// </summary>
internal static class AsOfCommand
{
    public static Command Create()
    {
        var seq = new Option<long?>("--seq") { Description = "a ledger sequence" };
        var at = new Option<string?>("--at") { Description = "an instant, ISO-8601 with an offset" };
        var account = new Option<string?>("--account") { Description = "only this account" };
        var enterprise = new Option<string?>("--enterprise")
        {
            Description = "show this enterprise's compliance status instead (with --at)",
        };
        var year = new Option<int?>("--year") { Description = "compliance year (default: its latest)" };
        var command = new Command("asof",
            "Balances, serial blocks and order books at a sequence or an instant, or an enterprise's compliance")
        {
            seq, at, account, enterprise, year,
        };
        command.SetAction((parse, ct) => CommandRunner.RunOnJournalAsync(parse.GetValue(CliOptions.Schema)!,
            async (journal, connection) =>
            {
                long? s = parse.GetValue(seq);
                string? text = parse.GetValue(at);
                string? company = parse.GetValue(enterprise);
                if (company is not null && (s is not null || text is null || parse.GetValue(account) is not null))
                {
                    return Error("--enterprise takes --at (an instant), not --seq or --account: the compliance " +
                        "records are not on the journal's sequence", CommandRunner.MalformedArguments);
                }

                if (company is null && parse.GetValue(year) is not null)
                {
                    return Error("--year goes with --enterprise", CommandRunner.MalformedArguments);
                }

                if ((s is null) == (text is null))
                {
                    return Error("give exactly one of --seq or --at", CommandRunner.MalformedArguments);
                }

                Instant? instant = null;
                if (text is not null)
                {
                    ParseResult<OffsetDateTime> parsed = OffsetDateTimePattern.ExtendedIso.Parse(text);
                    if (!parsed.Success)
                    {
                        return Error($"--at '{text}' is not ISO-8601 with an offset", CommandRunner.MalformedArguments);
                    }

                    instant = parsed.Value.ToInstant();
                }

                if (company is not null)
                {
                    return await ComplianceAsOfCommand.RunAsync(journal, connection, company, parse.GetValue(year),
                        instant!.Value, ct);
                }

                if (s is < 1)
                {
                    return Error("--seq must be 1 or more", CommandRunner.MalformedArguments);
                }

                (Ledger ledger, long reached) = await AsOfReplay.ReplayAsync(journal, s, instant,
                    LedgerLimits.Default, Domain.Rules.DefaultRuleBook.Create(), ct);
                if (reached == 0)
                {
                    return Error("that is before the journal's first event", CommandRunner.MalformedArguments);
                }

                if (s is { } wanted && reached < wanted)
                {
                    return Error($"--seq {wanted} is beyond the journal's last event ({reached})",
                        CommandRunner.MalformedArguments);
                }

                string? only = parse.GetValue(account);
                if (only is not null
                    && (!AccountId.TryOf(only, out AccountId id, out _) || ledger.FindAccount(id) is null))
                {
                    return Error($"account {only} did not exist then", CommandRunner.Refused);
                }

                Show(ledger, reached, only);
                return CommandRunner.Ok;
            }, ct));
        return command;
    }

    private static void Show(Ledger ledger, long sequence, string? account)
    {
        AnsiConsole.MarkupLine($"as of ledger sequence [bold]{sequence}[/]");
        var balances = ledger.AllPositions()
            .Where(p => !p.Position.IsEmpty && (account is null || p.Account.Value == account))
            .Select(p => new ReadModelQueries.BalanceRow(p.Account, p.Instrument, p.Position, sequence))
            .OrderBy(p => p.Account.Value, StringComparer.Ordinal).ThenBy(p => p.Instrument)
            .ToList();
        Render.Balances(balances, "Balances");
        var serials = new Table().Border(TableBorder.Rounded).Title("Serial blocks");
        serials.AddColumns("instrument", "serials", "account", "bucket", "freeze");
        foreach (SerialHolding h in ledger.AllSerialHoldings()
            .Where(h => account is null || h.Account.Value == account)
            .OrderBy(h => h.Instrument).ThenBy(h => h.Serials.Start))
        {
            serials.AddRow(h.Instrument.ToString(), h.Serials.ToString(), Markup.Escape(h.Account.Value),
                h.Bucket.ToString(), Markup.Escape(h.FreezeId ?? ""));
        }

        AnsiConsole.Write(serials);
        Span<DepthLevel> levels = stackalloc DepthLevel[5];
        foreach (var listing in ledger.AllListings())
        {
            int bids = ledger.CopyDepth(listing.Instrument, Side.Buy, levels);
            string bid = bids > 0 ? Level(levels[0]) : "-";
            int asks = ledger.CopyDepth(listing.Instrument, Side.Sell, levels);
            string ask = asks > 0 ? Level(levels[0]) : "-";
            AnsiConsole.MarkupLine($"book {listing.Instrument}: best bid {bid}, best ask {ask}, " +
                $"{listing.RestingOrders} resting orders");
        }
    }

    private static string Level(DepthLevel level) => string.Create(CultureInfo.InvariantCulture,
        $"{level.Price.FenPerTonne / 100m:F2} × {level.Quantity.WholeTonnes:N0} t ({level.Orders})");

    private static int Error(string message, int code)
    {
        AnsiConsole.MarkupLine($"[red]error:[/] {Markup.Escape(message)}");
        return code;
    }
}
