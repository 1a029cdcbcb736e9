using System.CommandLine;
using System.Globalization;
using System.Security.Cryptography;
using CarbonLedger.Domain.Identity;
using CarbonLedger.Domain.Inclusion;
using CarbonLedger.Engine.Inclusion;
using NodaTime;
using NodaTime.Text;
using Spectre.Console;

namespace CarbonLedger.Cli.Commands;

/// <summary>
/// <c>carbonledger inclusion …</c> (碳普惠): <c>register</c> persons with a platform, <c>ingest</c> a platform's
/// CSV/NDJSON batch, show a scenario's period <c>totals</c>, <c>issue</c> a confirmed period as SHCER, and print a
/// person's <c>points</c>. Periods are calendar months, <c>--period 2026-03</c>.
/// </summary>
internal static class InclusionCommand
{
    private static readonly Option<string> s_platform = new("--platform")
    {
        Description = "the submitting platform (operator of its scenarios)", Required = true,
    };

    public static Command Create()
    {
        var command = new Command("inclusion", "碳普惠: behaviour records, SHCER issuance and points");
        command.Subcommands.Add(Register());
        command.Subcommands.Add(Ingest());
        command.Subcommands.Add(Totals());
        command.Subcommands.Add(Issue());
        command.Subcommands.Add(Points());
        command.Subcommands.Add(Correct());
        command.Subcommands.Add(Redeem());
        return command;
    }

    private static Command Register()
    {
        var persons = new Option<string[]>("--person") { Description = "pseudonymous person id", Required = true };
        var command = new Command("register", "Register persons with a platform") { s_platform, persons };
        command.SetAction((parse, ct) => RunAsync(parse, async store =>
        {
            string[] ids = parse.GetValue(persons)!;
            await store.RegisterPersonsAsync(parse.GetValue(s_platform)!, ids, ct);
            string platform = Markup.Escape(parse.GetValue(s_platform)!);
            AnsiConsole.MarkupLine($"registered {ids.Length} person(s) with {platform}");
            return CommandRunner.Ok;
        }, ct));
        return command;
    }

    private static Command Ingest()
    {
        var file = new Option<FileInfo>("--file") { Description = "CSV or NDJSON batch", Required = true };
        var period = PeriodOption();
        var batch = new Option<string?>("--batch") { Description = "batch id (default: a hash of the file)" };
        var command = new Command("ingest", "Ingest a platform's batch of behaviour records")
        {
            s_platform, file, period, batch,
        };
        command.SetAction((parse, ct) => RunAsync(parse, async store =>
        {
            FileInfo f = parse.GetValue(file)!;
            if (!f.Exists)
            {
                AnsiConsole.MarkupLine($"[red]error:[/] {Markup.Escape(f.FullName)} does not exist");
                return CommandRunner.MalformedArguments;
            }

            IReadOnlyList<BatchLine> lines;
            try
            {
                lines = await BehaviourFile.ReadAsync(f.FullName, ct);
            }
            catch (FormatException e)
            {
                AnsiConsole.MarkupLine($"[red]error:[/] {Markup.Escape(e.Message)}");
                return CommandRunner.Refused;
            }

            string id = parse.GetValue(batch)
                ?? "file-" + Convert.ToHexString(SHA256.HashData(await File.ReadAllBytesAsync(f.FullName, ct)))[..32];
            IngestResult result = await store.IngestAsync(id, parse.GetValue(s_platform)!, parse.GetValue(period)!,
                lines, ct);
            Render(result, lines.Count);
            return CommandRunner.Ok;
        }, ct));
        return command;
    }

    private static Command Totals()
    {
        var scenario = new Option<string>("--scenario") { Required = true };
        var period = PeriodOption();
        var command = new Command("totals", "A scenario's recorded grams for a period") { scenario, period };
        command.SetAction((parse, ct) => RunAsync(parse, async store =>
        {
            string s = parse.GetValue(scenario)!;
            DateInterval p = parse.GetValue(period)!;
            (long grams, long behaviours) = await store.TotalsAsync(s, p, ct);
            ScenarioIssuance? issued = await store.IssuanceAsync(s, p.Start, ct);
            AnsiConsole.MarkupLine($"{Markup.Escape(s)} {p.Start:uuuu-MM}: {behaviours:N0} behaviours, {grams:N0} g " +
                (issued is null ? "(not issued)" : $"(issued {issued.Issuance.Tonnes:N0} t, carry " +
                    $"{issued.Issuance.CarryOutGrams:N0} g, serials {issued.Serials})"));
            return CommandRunner.Ok;
        }, ct));
        return command;
    }

    private static Command Issue()
    {
        var scenario = new Option<string>("--scenario") { Required = true };
        var period = PeriodOption();
        var regulator = new Option<string>("--regulator") { Description = "the confirming actor", Required = true };
        var authority = new Option<string>("--authority")
        {
            Description = "the issuing authority account", Required = true,
        };
        var command = new Command("issue", "Confirm a scenario's period and issue its whole tonnes as SHCER")
        {
            scenario, period, regulator, authority,
        };
        command.SetAction((parse, ct) => RunAsync(parse, async store =>
        {
            try
            {
                ScenarioIssuance issued = await store.ConfirmAndIssueAsync(parse.GetValue(scenario)!,
                    parse.GetValue(period)!, ActorId.Of(parse.GetValue(regulator)!),
                    AccountId.Of(parse.GetValue(authority)!), ct);
                AnsiConsole.MarkupLine($"issued {issued.Issuance.Tonnes:N0} t {issued.Instrument} " +
                    $"(serials {issued.Serials?.ToString() ?? "none"}) from {issued.Issuance.PeriodGrams:N0} g " +
                    $"+ {issued.Issuance.CarriedInGrams:N0} g carried in; " +
                    $"carried out {issued.Issuance.CarryOutGrams:N0} g");
                return CommandRunner.Ok;
            }
            catch (Exception e) when (e is InvalidOperationException or ArgumentException or FormatException)
            {
                AnsiConsole.MarkupLine($"[red]error:[/] {Markup.Escape(e.Message)}");
                return CommandRunner.Refused;
            }
        }, ct));
        return command;
    }

    private static Command Points()
    {
        var person = new Option<string>("--person") { Required = true };
        var command = new Command("points", "A person's points") { person };
        command.SetAction((parse, ct) => RunAsync(parse, async store =>
        {
            (long points, long pending) = await store.PointsAsync(parse.GetValue(person)!, ct);
            AnsiConsole.MarkupLine($"{Markup.Escape(parse.GetValue(person)!)}: {points:N0} points " +
                $"({pending:N0} g towards the next)");
            return CommandRunner.Ok;
        }, ct));
        return command;
    }

    private static Command Correct()
    {
        var behaviour = new Option<string>("--behaviour") { Required = true };
        var activity = new Option<string>("--activity") { Description = "the corrected activity", Required = true };
        var reason = new Option<string>("--reason") { Required = true };
        var command = new Command("correct", "Correct a recorded behaviour's activity (before its period is issued)")
        {
            s_platform, behaviour, activity, reason,
        };
        command.SetAction((parse, ct) => RunAsync(parse, async store =>
        {
            if (!Domain.Quantities.Scaled.TryParse(parse.GetValue(activity), out var amount))
            {
                AnsiConsole.MarkupLine($"[red]error:[/] --activity '{Markup.Escape(parse.GetValue(activity)!)}' " +
                    "is not a decimal");
                return CommandRunner.MalformedArguments;
            }

            InclusionRejection r = await store.CorrectAsync(parse.GetValue(s_platform)!, parse.GetValue(behaviour)!,
                amount, parse.GetValue(reason)!, ct);
            return Outcome(r, $"corrected {parse.GetValue(behaviour)} to {amount}");
        }, ct));
        return command;
    }

    private static Command Redeem()
    {
        var person = new Option<string>("--person") { Required = true };
        var points = new Option<long>("--points") { Required = true };
        var reference = new Option<string>("--reference") { Description = "the provider's order", Required = true };
        var command = new Command("redeem", "Redeem a person's points") { person, points, reference };
        command.SetAction((parse, ct) => RunAsync(parse, async store =>
        {
            InclusionRejection r = await store.RedeemAsync(parse.GetValue(person)!, parse.GetValue(points),
                parse.GetValue(reference)!, ct);
            return Outcome(r, $"redeemed {parse.GetValue(points):N0} points of {parse.GetValue(person)}");
        }, ct));
        return command;
    }

    private static int Outcome(InclusionRejection rejection, string done)
    {
        if (rejection == InclusionRejection.None)
        {
            AnsiConsole.MarkupLine(Markup.Escape(done));
            return CommandRunner.Ok;
        }

        AnsiConsole.MarkupLine($"[red]refused:[/] {(int)rejection} {rejection}");
        return CommandRunner.Refused;
    }

    private static Option<DateInterval> PeriodOption() => new("--period")
    {
        Description = "calendar month, e.g. 2026-03",
        Required = true,
        CustomParser = r =>
        {
            string text = r.Tokens.Count > 0 ? r.Tokens[0].Value : "";
            ParseResult<LocalDate> month = LocalDatePattern.CreateWithInvariantCulture("uuuu-MM").Parse(text);
            if (!month.Success)
            {
                r.AddError($"--period '{text}' must be a month like 2026-03");
                return null;
            }

            return new DateInterval(month.Value, month.Value.PlusMonths(1).PlusDays(-1));
        },
    };

    private static Task<int> RunAsync(ParseResult parse, Func<InclusionStore, Task<int>> body, CancellationToken ct) =>
        CommandRunner.RunAsync(parse.GetValue(CliOptions.Schema)!, async session =>
        {
            await using InclusionStore store = await InclusionStore.OpenAsync(session.Database.ConnectionString,
                parse.GetValue(CliOptions.Schema)!, session.Engine, DefaultInclusionRules.Create(),
                SystemClock.Instance, ct);
            return await body(store);
        }, ct);

    private static void Render(IngestResult result, int lines)
    {
        AnsiConsole.MarkupLine(result.AlreadyIngested
            ? $"batch {Markup.Escape(result.Batch)} was ingested before: {result.Recorded:N0} records, " +
              "nothing recorded again"
            : $"batch {Markup.Escape(result.Batch)}: {lines:N0} lines, [green]{result.Recorded:N0} recorded[/] " +
              $"({result.Grams:N0} g), {result.Refused.Length:N0} refused");
        if (result.Refused.IsEmpty)
        {
            return;
        }

        var table = new Table().Border(TableBorder.Rounded).Title("refused lines");
        table.AddColumns("line", "behaviour", "code", "reason");
        foreach (RefusedBehaviour r in result.Refused.Take(200))
        {
            table.AddRow(r.Position.ToString(CultureInfo.InvariantCulture), Markup.Escape(r.BehaviourId ?? ""),
                $"{(int)r.Rejection} {r.Rejection}", Markup.Escape(r.Detail));
        }

        AnsiConsole.Write(table);
    }
}
