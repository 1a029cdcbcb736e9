using System.Collections.Immutable;
using System.Globalization;
using CarbonLedger.Domain.Accounts;
using CarbonLedger.Domain.Compliance;
using CarbonLedger.Domain.Credits;
using CarbonLedger.Domain.Identity;
using CarbonLedger.Domain.Instruments;
using CarbonLedger.Domain.Mrv;
using CarbonLedger.Domain.Quantities;
using CarbonLedger.Domain.Registry;
using CarbonLedger.Engine.Workflows;
using NodaTime;

namespace CarbonLedger.Engine.Simulation;

/// <summary>
/// A seeded compliance year run through the real workflows and the ledger core, on a simulated clock: each
/// enterprise reports twelve months of coal, gas and purchased electricity (some months late, some verifier
/// adjustments), is verified and confirmed; it is pre-allocated from its prior year's output and trued up to the
/// actual one (the year's plan; a claw-back where the prior year was much larger, an exemption top-up where due);
/// it buys offsets from a CCER developer (one project inside a covered boundary); it surrenders allowances
/// and offsets (some fall short); at the deadline the regulator closes every record, forces surrender from
/// a frozen holding where one exists, and assesses penalties. For the CLI (<c>compliance simulate</c>).
/// </summary>
public sealed class ComplianceSimulation(LedgerEngine engine, LedgerWorkflows workflows, SimulatedClock clock,
    ComplianceRuleBook rules)
{
    /// <summary>The project whose credits sit inside a covered boundary (refused as offsets).</summary>
    public const string CoveredProject = "PRJ-INSIDE-ETS";

    private static readonly DateTimeZone s_zone = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];
    private static readonly ActorId s_verifier = ActorId.Of("verifier-1");
    private static readonly ActorId s_developer = ActorId.Of("ccer-dev");
    private static readonly ActorId s_market = ActorId.Of("market");
    private readonly ActorId _regulator = rules.Regulators.Order().First();
    private int _key;

    /// <summary>The enterprise ids of a run with <paramref name="count"/> enterprises.</summary>
    public static IReadOnlyList<string> Enterprises(int count) =>
        Enumerable.Range(1, count).Select(i => string.Create(CultureInfo.InvariantCulture, $"PLANT-{i:D3}")).ToList();

    /// <summary>Runs the year; returns the number of workflow steps and ledger commands it made.</summary>
    public async Task<int> RunAsync(int year, int enterprises, int seed, CancellationToken ct = default)
    {
        var random = new Random(seed);
        Vintage vintage = Vintage.Of(year);
        var cea = new InstrumentId(Programme.Cea, vintage);
        var ccer = new InstrumentId(Programme.Ccer, Vintage.Of(year - 1));
        ComplianceRules yearRules = rules.Years[year];
        SetTime(new LocalDateTime(year, 1, 5, 9, 0));
        await LedgerAsync(new OpenAccount(Key(), _regulator, AccountId.Of("MEE-ACC"), AccountType.Authority,
            _regulator), ct);
        await LedgerAsync(new OpenAccount(Key(), _regulator, AccountId.Of("CCER-DEV"), AccountType.EnterpriseHolding,
            s_developer), ct);
        // The developer's credits: a wind project, and a project inside a covered boundary (after it).
        long perPlant = 1_000_000;
        long coveredStart = (perPlant * enterprises) + 1;
        await LedgerAsync(new IssueCredits(Key(), _regulator, AccountId.Of("MEE-ACC"), AccountId.Of("CCER-DEV"), ccer,
            new SerialRange(1, coveredStart - 1), "PRJ-WIND-12"), ct);
        await LedgerAsync(new IssueCredits(Key(), _regulator, AccountId.Of("MEE-ACC"), AccountId.Of("CCER-DEV"), ccer,
            new SerialRange(coveredStart, coveredStart + (perPlant * enterprises) - 1), CoveredProject), ct);

        // A market participant long in allowances, from whom short enterprises buy before the deadline.
        await LedgerAsync(new OpenAccount(Key(), _regulator, AccountId.Of("MARKET"), AccountType.EnterpriseHolding,
            s_market), ct);
        await LedgerAsync(new IssueAllowances(Key(), _regulator, AccountId.Of("MEE-ACC"), AccountId.Of("MARKET"), cea,
            Co2e.FromTonnes(5_000_000L * enterprises)), ct);

        var plants = Enterprises(enterprises);
        var outputs = new Dictionary<string, UnitOutput>();
        foreach (string plant in plants)
        {
            ActorId actor = ActorId.Of(plant.ToLowerInvariant());
            await LedgerAsync(new OpenAccount(Key(), _regulator, AccountId.Of(plant), AccountType.EnterpriseHolding,
                actor), ct);
            outputs[plant] = await ReportAsync(plant, actor, year, random, ct);
        }

        // Pre-allocation in the spring after the year from the prior year's output (one plant in eight had a
        // much larger prior year: its true-up is a claw-back), then the true-up to the actual output.
        SetTime(new LocalDateTime(year + 1, 4, 15, 9, 0));
        foreach (string plant in plants)
        {
            UnitOutput actual = outputs[plant];
            int percent = random.Next(8) == 0 ? 200 : random.Next(90, 111);
            UnitOutput prior = actual with
            {
                PowerMwh = Scaled.Whole(actual.PowerMwh.Units * percent / 100),
                HeatGj = Scaled.Whole(actual.HeatGj.Units * percent / 100),
            };
            await workflows.Allocation.PreAllocateAsync(plant, year, AccountId.Of(plant), [prior],
                AccountId.Of("MEE-ACC"), _regulator, ct);
        }

        SetTime(new LocalDateTime(year + 1, 7, 15, 9, 0));
        long serial = 1;
        long coveredSerial = coveredStart;
        foreach (string plant in plants)
        {
            ActorId actor = ActorId.Of(plant.ToLowerInvariant());
            long verified = (await workflows.Reports.LoadAsync(plant, year, ct)).ConfirmedTonnes!.Value;
            long allocation = (await workflows.Allocation.TrueUpAsync(plant, year, AccountId.Of(plant),
                [outputs[plant]], verified, AccountId.Of("MEE-ACC"), _regulator, ct)).NetTonnes;
            await StepAsync(plant, year, new SetObligation(plant, AccountId.Of(plant), actor, verified, allocation,
                _regulator, default), ct);
            ComplianceRecord record = await workflows.Compliance.LoadAsync(plant, year, ct);

            // Offsets: most buy up to their cap from the developer; one in five tries the covered project.
            long offsets = record.Obligation!.OffsetCapTonnes * random.Next(50, 101) / 100;
            bool covered = random.Next(5) == 0;
            if (offsets > 0)
            {
                SerialRange block = covered
                    ? new SerialRange(coveredSerial, coveredSerial + offsets - 1)
                    : new SerialRange(serial, serial + offsets - 1);
                coveredSerial += covered ? offsets : 0;
                serial += covered ? 0 : offsets;
                await LedgerAsync(new TransferUnits(Key(), s_developer, AccountId.Of("CCER-DEV"), AccountId.Of(plant),
                    ccer, Co2e.FromTonnes(block.Count), block), ct);
                SetTime(new LocalDateTime(year + 1, 9, 1 + random.Next(20), 10, 0));
                await StepAsync(plant, year, new RequestSurrender("offsets", ccer, block.Count, null, actor, default,
                    block), ct);
            }

            // Allowances: buy what is missing (one in six buys only part of it), then surrender what is open.
            long open = (await workflows.Compliance.LoadAsync(plant, year, ct)).OpenTonnes;
            long held = (await engine.ReadAsync(l => l.GetPosition(AccountId.Of(plant), cea), ct)).Available.Grams
                / Co2e.GramsPerTonne;
            long missing = Math.Max(0, open - held) * (random.Next(6) == 0 ? random.Next(0, 90) : 100) / 100;
            if (missing > 0)
            {
                await LedgerAsync(new TransferUnits(Key(), s_market, AccountId.Of("MARKET"), AccountId.Of(plant), cea,
                    Co2e.FromTonnes(missing)), ct);
            }

            long surrender = Math.Min(open, held + missing);
            if (surrender > 0)
            {
                await StepAsync(plant, year, new RequestSurrender("allowances", cea, surrender, null, actor, default),
                    ct);
            }
        }

        // The deadline passes: close, force from frozen holdings, penalise.
        SetTime(yearRules.Deadline.PlusHours(16));
        foreach (string plant in plants)
        {
            await StepAsync(plant, year, new CloseCompliance(_regulator, default), ct);
            ComplianceRecord closed = await workflows.Compliance.LoadAsync(plant, year, ct);
            if (closed.Closed!.ShortfallTonnes > 0)
            {
                PenaltyRule penalty = yearRules.Penalty;
                ComplianceCommand assess = penalty.IsPriceMultiple
                    ? new AssessPenalty(null, penalty.MinimumMultiple, Price.FromYuanPerTonne(80),
                        "shortfall at the deadline", _regulator, default)
                    : new AssessPenalty(penalty.MaximumFine, null, null, "shortfall at the deadline", _regulator,
                        default);
                await StepAsync(plant, year, assess, ct);
            }
        }

        return _key;
    }

    private async Task<UnitOutput> ReportAsync(string plant, ActorId actor, int year, Random random,
        CancellationToken ct)
    {
        var monitoring = new MonitoringPlan(plant, year, actor, 1, 12,
        [
            new PlannedFuel(DefaultFactors.BituminousCoal, "t", Scaled.Whole(400_000)),
            new PlannedFuel(DefaultFactors.NaturalGas, "10^4 Nm3", Scaled.Whole(5_000)),
        ], DefaultFactors.NationalGrid, Scaled.Whole(100_000));
        await ReportStepAsync(plant, year, new ApproveMonitoringPlan(monitoring, _regulator, default), ct);
        long generation = 0;
        long heat = 0;
        for (int month = 1; month <= 12; month++)
        {
            // Coal NCV and carbon content measured most months; the rest take the library's defaults.
            bool measured = random.Next(4) != 0;
            var coal = new FuelLine(DefaultFactors.BituminousCoal,
                Scaled.Of(random.NextInt64(100_000_000, 250_000_000), 3),
                measured ? ParameterValue.Measured(Scaled.Of(random.Next(19_000, 23_000), 3), Lab(plant, month)) : null,
                measured ? ParameterValue.Measured(Scaled.Of(random.Next(2_500, 2_700), 5), Lab(plant, month)) : null,
                null);
            var gas = new FuelLine(DefaultFactors.NaturalGas, Scaled.Of(random.Next(10_000, 300_000), 2), null, null,
                null);
            long mwh = random.Next(250_000, 420_000);
            long gj = random.Next(50_000, 150_000);
            generation += mwh;
            heat += gj;
            var evidence = new MonthlyEvidence(month, [coal, gas], Scaled.Of(random.Next(100_000, 900_000), 1),
                Scaled.Whole(mwh), Scaled.Whole(gj));
            LocalDate monthEnd = new LocalDate(year, month, 1).PlusMonths(1).PlusDays(-1);
            SetTime(monthEnd.PlusDays(random.Next(3, 46)).At(new LocalTime(10, 0)));
            await ReportStepAsync(plant, year, new SubmitMonthlyEvidence(evidence, actor, default), ct);
        }

        SetTime(new LocalDateTime(year + 1, 3, 20, 9, 0));
        await ReportStepAsync(plant, year, new SubmitAnnualReport(actor, default), ct);
        await ReportStepAsync(plant, year, new AssignVerifier(s_verifier, _regulator, default), ct);
        SetTime(new LocalDateTime(year + 1, 5, 10, 9, 0));
        if (random.Next(3) == 0)
        {
            await ReportStepAsync(plant, year, new AdjustParameter(6, DefaultFactors.NaturalGas,
                AdjustableParameter.OxidationRate, ParameterValue.Measured(Scaled.Parse("0.98"), "VERIFIER-SITE-CHECK"),
                "site inspection: incomplete combustion in June", s_verifier, default), ct);
        }

        await ReportStepAsync(plant, year, new VerifyEmissions(s_verifier, default), ct);
        SetTime(new LocalDateTime(year + 1, 6, 20, 9, 0));
        await ReportStepAsync(plant, year, new ConfirmEmissions(_regulator, default), ct);
        return new UnitOutput($"{plant}-U1", "COAL-300+", Scaled.Whole(generation), Scaled.Whole(heat),
            Scaled.Parse("1.000"));
    }

    private async Task ReportStepAsync(string plant, int year, ReportCommand command, CancellationToken ct)
    {
        WorkflowResult<MrvRejection> result =
            await workflows.Reports.ExecuteAsync(plant, year, command, Key().Value, ct);
        if (!result.IsAccepted)
        {
            throw new InvalidOperationException($"{plant} {command.GetType().Name}: {result.Rejection}");
        }
    }

    private async Task StepAsync(string plant, int year, ComplianceCommand command, CancellationToken ct)
    {
        // Rejections are part of the story (a covered project's credits, a cap): kept, not fatal.
        await workflows.Compliance.ExecuteAsync(plant, year, command, Key().Value, ct);
    }

    private async Task LedgerAsync(LedgerCommand command, CancellationToken ct)
    {
        CommandResult result = await engine.SubmitAsync(command, ct: ct);
        if (!result.Outcome.IsAccepted)
        {
            throw new InvalidOperationException($"{command.GetType().Name}: {result.Outcome.Rejection}");
        }
    }

    private static string Lab(string plant, int month) =>
        string.Create(CultureInfo.InvariantCulture, $"LAB-{plant}-{month:D2}");

    private void SetTime(LocalDateTime local) => clock.Set(local.InZoneLeniently(s_zone).ToInstant());

    private IdempotencyKey Key() => IdempotencyKey.Of(string.Create(CultureInfo.InvariantCulture, $"sim-{++_key}"));
}
