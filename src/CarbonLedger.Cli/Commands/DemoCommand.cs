using System.CommandLine;
using System.Globalization;
using CarbonLedger.Domain.Accounts;
using CarbonLedger.Domain.Credits;
using CarbonLedger.Domain.Identity;
using CarbonLedger.Domain.Instruments;
using CarbonLedger.Domain.Quantities;
using CarbonLedger.Domain.Registry;
using CarbonLedger.Engine;
using NodaTime;
using Spectre.Console;

namespace CarbonLedger.Cli.Commands;

/// <summary>
/// <c>carbonledger demo</c>: a guided tour of the registry on the embedded PostgreSQL. The set-up steps
/// use fixed idempotency keys, so a second run finds them already applied and changes nothing; each run
/// then adds its own activity under keys that include the run's starting sequence, so running the demo
/// again continues on the same data without errors.
/// </summary>
internal static class DemoCommand
{
    private static readonly ActorId s_regulator = ActorId.Of("sh-eeb");
    private static readonly AccountId s_authority = AccountId.Of("SH-EEB-ALLOC");
    private static readonly AccountId s_power = AccountId.Of("SH-POWER-001");
    private static readonly AccountId s_steel = AccountId.Of("SH-STEEL-002");
    private static readonly AccountId s_platform = AccountId.Of("SH-CPH-METRO");
    private static readonly InstrumentId s_cea = InstrumentId.Parse("CEA-2025");
    private static readonly InstrumentId s_shcer = InstrumentId.Parse("SHCER-2025");

    public static Command Create()
    {
        var command = new Command("demo", "Run a guided registry scenario on the (embedded) database");
        command.SetAction((parse, ct) => CommandRunner.RunAsync(parse.GetValue(CliOptions.Schema)!,
            session => RunAsync(session, ct), ct));
        return command;
    }

    private static async Task<int> RunAsync(LedgerSession session, CancellationToken ct)
    {
        LedgerEngine engine = session.Engine;
        AnsiConsole.MarkupLine(session.Database.IsEmbedded
            ? $"[grey]embedded PostgreSQL in {Markup.Escape(session.Database.Server!.DataDirectory)}[/]"
            : "[grey]PostgreSQL from CARBONLEDGER_CONNECTION[/]");
        var log = new List<CommandResult>();
        long run = await engine.ReadAsync(l => l.Sequence, ct);
        AnsiConsole.MarkupLine($"[bold]CarbonLedger demo[/] — journal holds {run} events before this run");

        await Step(engine, log, "open the Shanghai EEB allocation account",
            new OpenAccount(Key("setup-authority"), s_regulator, s_authority, AccountType.Authority, s_regulator), ct);
        await Step(engine, log, "open SH-POWER-001", Open("setup-power", s_power, "sh-power"), ct);
        await Step(engine, log, "open SH-STEEL-002", Open("setup-steel", s_steel, "sh-steel"), ct);
        await Step(engine, log, "open the metro 碳普惠 platform account",
            new OpenAccount(Key("setup-platform"), s_regulator, s_platform, AccountType.InclusionPlatform,
                ActorId.Of("metro-app")), ct);

        string r = run.ToString(CultureInfo.InvariantCulture);
        await Step(engine, log, "issue 200,000 t CEA-2025 to SH-POWER-001",
            new IssueAllowances(Key($"run{r}-issue-cea"), s_regulator, s_authority, s_power, s_cea,
                Co2e.FromTonnes(200_000)), ct);
        long nextSerial = await engine.ReadAsync(l => l.AllSerialHoldings()
            .Where(h => h.Instrument == s_shcer).Select(h => h.Serials.End).DefaultIfEmpty(0).Max() + 1, ct);
        var block = new SerialRange(nextSerial, nextSerial + 4_999);
        await Step(engine, log, $"issue SHCER-2025 serial block {block} to the metro platform",
            new IssueCredits(Key($"run{r}-issue-shcer"), s_regulator, s_authority, s_platform, s_shcer, block,
                "Shanghai Metro low-carbon trips 2025"), ct);
        await Step(engine, log, "transfer 120,000 t CEA-2025 SH-POWER-001 → SH-STEEL-002",
            new TransferUnits(Key($"run{r}-transfer-cea"), ActorId.Of("sh-power"), s_power, s_steel, s_cea,
                Co2e.FromTonnes(120_000)), ct);
        await Step(engine, log, "transfer 2,500 t SHCER-2025 platform → SH-STEEL-002 (lowest serials first)",
            new TransferUnits(Key($"run{r}-transfer-shcer"), ActorId.Of("metro-app"), s_platform, s_steel, s_shcer,
                Co2e.FromTonnes(2_500)), ct);
        await Step(engine, log, "freeze 5,000 t CEA-2025 at SH-STEEL-002 (court order)",
            new FreezeUnits(Key($"run{r}-freeze"), s_regulator, s_steel, s_cea, Co2e.FromTonnes(5_000),
                $"SH-COURT-2025-{r}", "Shanghai No.1 Intermediate Court preservation order"), ct);
        CommandResult retired = await Step(engine, log, "retire 1,000 t SHCER-2025 for CIIE carbon neutrality",
            new RetireUnits(Key($"run{r}-retire"), ActorId.Of("sh-steel"), s_steel, s_shcer, Co2e.FromTonnes(1_000),
                "China International Import Expo", "event carbon neutrality", new LocalDate(2025, 11, 5),
                new LocalDate(2025, 11, 10)), ct);

        if (retired.Event is UnitsRetired e)
        {
            Render.Certificate(RetirementCertificate.From(e, retired.Outcome.Sequence));
        }

        Render.Balances(await session.Queries.BalancesAsync(null, ct), "Balances (read model)");
        Render.Statement(await session.Queries.StatementAsync(s_steel, ct), $"Statement of {s_steel}");
        int verified = AuditCommand.Print(await JournalVerifier.VerifyAsync(engine.Journal, ct));
        int rejected = log.Count(c => !c.Outcome.IsAccepted);
        if (rejected > 0)
        {
            AnsiConsole.MarkupLine($"[red]{rejected} demo step(s) were rejected[/]");
            return CommandRunner.Refused;
        }

        return verified;
    }

    private static OpenAccount Open(string key, AccountId account, string owner) =>
        new(Key(key), s_regulator, account, AccountType.EnterpriseHolding, ActorId.Of(owner));

    private static IdempotencyKey Key(string suffix) => IdempotencyKey.Of($"demo-{suffix}");

    private static async Task<CommandResult> Step(LedgerEngine engine, List<CommandResult> log, string what,
        LedgerCommand command, CancellationToken ct)
    {
        CommandResult result = await engine.SubmitAsync(command, ct: ct);
        log.Add(result);
        string status = result.Outcome switch
        {
            { AlreadyApplied: true } => $"[grey]already applied (#{result.Outcome.Sequence})[/]",
            { IsAccepted: true } => $"[green]accepted #{result.Outcome.Sequence}[/]",
            _ => $"[red]rejected: {result.Outcome.Rejection}[/]",
        };
        AnsiConsole.MarkupLine($"  {Markup.Escape(what)} … {status}");
        return result;
    }
}
