using System.CommandLine;
using System.Globalization;
using CarbonLedger.Domain.Quantities;
using CarbonLedger.Domain.Registry;
using CarbonLedger.Engine;
using CarbonLedger.Engine.Postgres;
using CarbonLedger.Engine.ReadModels;
using CarbonLedger.Engine.Simulation;
using NodaTime;
using Spectre.Console;

namespace CarbonLedger.Cli.Commands;

/// <summary>
/// <c>carbonledger simulate --days N --traders M --seed S</c>: a market run through the durable engine on the
/// (embedded) database (see <see cref="MarketSimulation"/>), with a live table of daily market data, the
/// settlement totals and the conservation check at the end. It writes into a fresh schema
/// (<c>sim_S_yyyyMMddHHmmss</c>) unless <c>--schema</c> names one. <c>--ack-log FILE</c> appends the idempotency
/// key of every command the engine acknowledged as accepted, flushed as it is acknowledged (used by the crash
/// test: every key in that file must be in the journal). <c>--read-models async</c> writes the read models
/// behind the journal (decision 0011) instead of in its transactions.
/// </summary>
internal static class SimulateCommand
{
    public static Command Create()
    {
        var days = new Option<int>("--days") { Description = "trading days to simulate", DefaultValueFactory = _ => 5 };
        var traders = new Option<int>("--traders")
        {
            Description = "trading accounts (a third each buyers, sellers and market makers; at least 3)",
            DefaultValueFactory = _ => 30,
        };
        var seed = new Option<int>("--seed") { Description = "random seed", DefaultValueFactory = _ => 1 };
        var ackLog = new Option<FileInfo?>("--ack-log") { Description = "append every acknowledged key to FILE" };
        var readModels = new Option<ReadModelMode>("--read-models")
        {
            Description = "inline: in the journal's transactions; async: by a projector right behind the journal",
            DefaultValueFactory = _ => ReadModelMode.Inline,
        };
        days.Validators.Add(r => Range(r, "--days", 1, 2_000));
        traders.Validators.Add(r => Range(r, "--traders", 3, 10_000));
        var command = new Command("simulate", "Simulate trading days on the exchange, durably, and check conservation")
        {
            days, traders, seed, ackLog, readModels,
        };
        command.SetAction((parse, ct) =>
        {
            int s = parse.GetValue(seed);
            string schema = CliOptions.SchemaOrFresh(parse, "sim", s);
            var options = new SimulationOptions(parse.GetValue(days), parse.GetValue(traders), s);
            return RunAsync(schema, options, parse.GetValue(ackLog), parse.GetValue(readModels), ct);
        });
        return command;
    }

    private static void Range(System.CommandLine.Parsing.OptionResult r, string name, int min, int max)
    {
        int value = r.GetValueOrDefault<int>();
        if (value < min || value > max)
        {
            r.AddError($"{name} must be between {min} and {max} (got {value})");
        }
    }

    private static Task<int> RunAsync(
        string schema, SimulationOptions options, FileInfo? ackLog, ReadModelMode readModels, CancellationToken ct) =>
        CommandRunner.GuardAsync(async () =>
        {
            var clock = new SimulatedClock(Instant.FromUtc(2026, 1, 1, 0, 0));
            await using LedgerDatabase database = await LedgerDatabase.OpenAsync(new LedgerDatabaseOptions(), ct);
            await using LedgerEngine engine = await LedgerEngine.StartAsync(new LedgerEngineOptions
            {
                ConnectionString = database.ConnectionString, Schema = schema, Clock = clock, ReadModels = readModels,
            }, ct);
            await using StreamWriter? log = ackLog is null ? null : new StreamWriter(ackLog.FullName, append: true);
            var table = DayTable();
            var simulation = new MarketSimulation(engine, clock, options)
            {
                DayClosed = day => AddRow(table, day, options.Days),
                Acknowledged = log is null ? null : command => WriteAck(log, command),
            };
            AnsiConsole.MarkupLine($"[bold]simulating[/] {options.Days} trading days, {options.Traders} traders, " +
                $"seed {options.Seed}, schema [blue]{schema}[/]");
            SimulationResult result = null!;
            await AnsiConsole.Live(table).StartAsync(async _ => result = await simulation.RunAsync(ct));
            Totals(result, schema);
            return CommandRunner.Ok;
        });

    private static void WriteAck(StreamWriter log, Domain.Registry.LedgerCommand command)
    {
        lock (log)
        {
            log.WriteLine(command.Key.Value);
            log.Flush();
        }
    }

    private static Table DayTable()
    {
        var table = new Table().Border(TableBorder.Rounded).Title("CEA-2024 daily market data");
        table.AddColumns("day", "date", "prev", "open", "high", "low", "close", "listed t", "turnover CNY",
            "block t", "auction t", "trades", "orders ok/sent");
        for (int c = 2; c < table.Columns.Count; c++)
        {
            table.Columns[c].RightAligned();
        }

        return table;
    }

    private static void AddRow(Table table, SimulatedDay day, int days)
    {
        var d = day.Data;
        table.AddRow($"{day.Number}/{days}", d.Date.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture),
            Yuan(d.PreviousClose), Yuan(d.Open), Yuan(d.High), Yuan(d.Low), $"[bold]{Yuan(d.Close)}[/]",
            $"{d.ListedVolume.WholeTonnes:N0}", $"{d.ListedTurnover.Fen / 100:N0}", $"{d.BlockVolume.WholeTonnes:N0}",
            $"{d.AuctionVolume.WholeTonnes:N0}", $"{d.Trades:N0}", $"{day.Accepted:N0}/{day.Orders:N0}");
    }

    private static void Totals(SimulationResult r, string schema)
    {
        var grid = new Grid().AddColumn().AddColumn();
        grid.AddRow("commands", $"{r.Submitted:N0} sent, {r.Accepted:N0} accepted, {r.Rejected:N0} refused");
        grid.AddRow("trades", $"{r.Trades:N0} settled DvP ({r.BlockTrades} block trades, " +
            $"{r.AuctionAllocations} auction allocations)");
        grid.AddRow("listed volume", $"{r.Days.Sum(d => d.Data.ListedVolume.WholeTonnes):N0} t, " +
            $"CNY {r.Days.Sum(d => d.Data.ListedTurnover.Fen) / 100:N0}");
        grid.AddRow("fees collected", r.Fees.ToString());
        grid.AddRow("cash", $"deposited {r.CashDeposited}, held in accounts {r.CashHeld} " +
            (r.CashDeposited == r.CashHeld ? "[green]✓ conserved[/]" : "[red]✗ NOT conserved[/]"));
        grid.AddRow("units and holds", "[green]✓ invariants I1–I4 and the exchange's hold[/]");
        grid.AddRow("journal", $"{r.Sequence:N0} events in schema {schema}");
        AnsiConsole.Write(new Panel(grid).Header("Settlement totals").Border(BoxBorder.Rounded));
    }

    private static string Yuan(Price p) => (p.FenPerTonne / 100m).ToString("F2", CultureInfo.InvariantCulture);
}
