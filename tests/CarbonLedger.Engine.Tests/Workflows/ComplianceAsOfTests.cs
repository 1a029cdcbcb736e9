using CarbonLedger.Domain.Accounts;
using CarbonLedger.Domain.Compliance;
using CarbonLedger.Domain.Credits;
using CarbonLedger.Domain.Identity;
using CarbonLedger.Domain.Instruments;
using CarbonLedger.Domain.Mrv;
using CarbonLedger.Domain.Quantities;
using CarbonLedger.Domain.Registry;
using CarbonLedger.Engine.Workflows;
using CarbonLedger.Testing.Postgres;
using NodaTime;
using NodaTime.Testing;

namespace CarbonLedger.Engine.Tests.Workflows;

/// <summary>
/// An enterprise's compliance status as of an instant (<see cref="ComplianceHistory"/>), on real PostgreSQL: one
/// year stepped through the real workflows and ledger core on a fake clock, the live status taken after every
/// step; the as-of status at each step's instant (and half-way to the next) equals the live status then, and
/// at the end equals the live status now.
/// </summary>
[Collection("postgres")]
public sealed class ComplianceAsOfTests(PostgresFixture pg)
{
    private const string Plant = "PLANT-A";
    private static readonly ActorId Regulator = DefaultComplianceRules.Regulator;
    private static readonly ActorId PlantActor = ActorId.Of("plant-a");
    private static readonly ActorId Verifier = ActorId.Of("verifier-1");
    private static readonly AccountId Authority = AccountId.Of("MEE-ACC");
    private static readonly InstrumentId Cea2022 = InstrumentId.Parse("CEA-2022");
    private static readonly InstrumentId Ccer = InstrumentId.Parse("CCER-2021");
    private static readonly DateTimeZone Shanghai = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];

    [Fact]
    public async Task AsOf_EveryStepOfAYear_EqualsTheLiveStatusThenAndNow()
    {
        string schema = pg.NewSchemaName("wf_asof");
        var clock = new FakeClock(At(2022, 1, 5));
        var live = new List<(Instant At, ComplianceStatus Status)>();
        await using (LedgerEngine engine = await LedgerEngine.StartAsync(new LedgerEngineOptions
        {
            ConnectionString = pg.ConnectionString, Schema = schema, Clock = clock,
        }))
        {
            await SeedLedgerAsync(engine);
            await using LedgerWorkflows workflows = await LedgerWorkflows.OpenAsync(engine, pg.ConnectionString,
                schema, DefaultComplianceRules.Create(), clock);
            async Task Step(Instant when, Func<Task> step)
            {
                clock.Reset(when);
                await step();
                live.Add((when, await LiveAsync(workflows)));
            }

            foreach ((Instant when, ReportCommand command) in ReportSteps())
            {
                await Step(when, () => Accepted(workflows.Reports.ExecuteAsync(Plant, 2022, command, $"r-{when}")));
            }

            UnitOutput unit = new("U1", "COAL-300+", Scaled.Parse("2000000"), Scaled.Parse("1000000"),
                Scaled.Parse("1.000"));
            await Step(At(2023, 6, 25), () => workflows.Allocation.PreAllocateAsync(Plant, 2022, AccountId.Of(Plant),
                [unit with { PowerMwh = Scaled.Parse("2100000") }], Authority, Regulator));
            await Step(At(2023, 7, 15), () => workflows.Allocation.TrueUpAsync(Plant, 2022, AccountId.Of(Plant),
                [unit], null, Authority, Regulator));
            long verified = (await workflows.Reports.LoadAsync(Plant, 2022)).ConfirmedTonnes!.Value;
            long allocation = (await workflows.Allocation.LoadAsync(Plant, 2022)).NetTonnes;
            await Step(At(2023, 7, 16), () => Accepted(workflows.Compliance.ExecuteAsync(Plant, 2022,
                new SetObligation(Plant, AccountId.Of(Plant), PlantActor, verified, allocation, Regulator, default),
                "oblig")));
            await Step(At(2023, 9, 1), () => Accepted(workflows.Compliance.ExecuteAsync(Plant, 2022,
                new RequestSurrender("cea", Cea2022, 1_000_000, null, PlantActor, default), "surr-cea")));
            await Step(At(2023, 10, 1), () => Accepted(workflows.Compliance.ExecuteAsync(Plant, 2022,
                new RequestSurrender("ccer", Ccer, 50_000, null, PlantActor, default, new SerialRange(1, 50_000)),
                "surr-ccer")));
            await Step(At(2024, 1, 2), () => Accepted(workflows.Compliance.ExecuteAsync(Plant, 2022,
                new CloseCompliance(Regulator, default), "close")));
            await Step(At(2024, 1, 3), () => Accepted(workflows.Compliance.ExecuteAsync(Plant, 2022,
                new AssessPenalty(Money.FromYuan(30_000), null, null, "shortfall", Regulator, default), "fine")));
        }

        await using ComplianceHistory history = await ComplianceHistory.OpenAsync(pg.ConnectionString, schema);
        for (int i = 0; i < live.Count; i++)
        {
            (Instant at, ComplianceStatus then) = live[i];
            Assert.Equal(then, (await history.AsOfAsync(Plant, 2022, at))!.Status);
            Assert.Equal(then, (await history.AsOfAsync(Plant, 2022, at + Duration.FromMinutes(30)))!.Status);
        }

        ComplianceAsOf end = (await history.AsOfAsync(Plant, 2022, null))!;
        Assert.Equal(live[^1].Status, end.Status);
        Assert.Equal(live[0].At, end.FirstEventAt);
        Assert.Equal([2022], await history.YearsAsync(Plant));
        Assert.Null(await history.AsOfAsync("PLANT-Z", 2022, null));

        // Before and after the allowance surrender, as a regulator would ask it.
        ComplianceStatus before = (await history.AsOfAsync(Plant, 2022, At(2023, 8, 31)))!.Status;
        ComplianceStatus after = (await history.AsOfAsync(Plant, 2022, At(2023, 9, 2)))!.Status;
        Assert.Equal(0, before.AllowancesSurrenderedTonnes);
        Assert.Equal(1_000_000, after.AllowancesSurrenderedTonnes);
        Assert.Equal(before.OpenTonnes - 1_000_000, after.OpenTonnes);
        Assert.Equal("short", end.Status.State);
        Assert.Equal(3_000_000, end.Status.PenaltyFen);
    }

    private static async Task<ComplianceStatus> LiveAsync(LedgerWorkflows workflows) => ComplianceStatus.Of(Plant,
        2022, await workflows.Reports.LoadAsync(Plant, 2022), await workflows.Allocation.LoadAsync(Plant, 2022),
        await workflows.Compliance.LoadAsync(Plant, 2022));

    private static IEnumerable<(Instant, ReportCommand)> ReportSteps()
    {
        var plan = new MonitoringPlan(Plant, 2022, PlantActor, 1, 1,
            [new PlannedFuel(DefaultFactors.BituminousCoal, "t", Scaled.Parse("5000000"))],
            DefaultFactors.NationalGrid, Scaled.Parse("100000"));
        var evidence = new MonthlyEvidence(1,
            [new FuelLine(DefaultFactors.BituminousCoal, Scaled.Parse("1000000"),
                ParameterValue.Measured(Scaled.Parse("21.000"), "LAB-1"),
                ParameterValue.Measured(Scaled.Parse("0.02600"), "LAB-2"),
                ParameterValue.Measured(Scaled.Parse("0.99"), "LAB-3"))],
            Scaled.Parse("10000"), Scaled.Parse("2000000"), Scaled.Parse("1000000"));
        yield return (At(2022, 1, 10), new ApproveMonitoringPlan(plan, Regulator, default));
        yield return (At(2022, 2, 10), new SubmitMonthlyEvidence(evidence, PlantActor, default));
        yield return (At(2023, 3, 1), new SubmitAnnualReport(PlantActor, default));
        yield return (At(2023, 3, 2), new AssignVerifier(Verifier, Regulator, default));
        yield return (At(2023, 5, 10), new VerifyEmissions(Verifier, default));
        yield return (At(2023, 6, 20), new ConfirmEmissions(Regulator, default));
    }

    private static async Task SeedLedgerAsync(LedgerEngine engine)
    {
        int k = 0;
        foreach (LedgerCommand command in new LedgerCommand[]
        {
            new OpenAccount(Key(), Regulator, Authority, AccountType.Authority, Regulator),
            new OpenAccount(Key(), Regulator, AccountId.Of(Plant), AccountType.EnterpriseHolding, PlantActor),
            new IssueCredits(Key(), Regulator, Authority, AccountId.Of(Plant), Ccer, new SerialRange(1, 200_000),
                "PRJ-WIND-7"),
        })
        {
            CommandResult result = await engine.SubmitAsync(command);
            Assert.True(result.Outcome.IsAccepted, $"{command.GetType().Name}: {result.Outcome.Rejection}");
        }

        IdempotencyKey Key() => IdempotencyKey.Of($"seed-{++k}");
    }

    private static async Task Accepted<T>(Task<WorkflowResult<T>> step)
        where T : struct, Enum
    {
        WorkflowResult<T> result = await step;
        Assert.True(result.IsAccepted, $"rejected: {result.Rejection}");
    }

    private static Instant At(int year, int month, int day) =>
        new LocalDateTime(year, month, day, 9, 0).InZoneStrictly(Shanghai).ToInstant();
}
