using CarbonLedger.Domain.Accounts;
using CarbonLedger.Domain.Compliance;
using CarbonLedger.Domain.Credits;
using CarbonLedger.Domain.Identity;
using CarbonLedger.Domain.Instruments;
using CarbonLedger.Domain.Invariants;
using CarbonLedger.Domain.Mrv;
using CarbonLedger.Domain.Quantities;
using CarbonLedger.Domain.Registry;
using CarbonLedger.Engine.Workflows;
using CarbonLedger.Testing.Postgres;
using Marten;
using NodaTime;
using NodaTime.Testing;

namespace CarbonLedger.Engine.Tests.Workflows;

/// <summary>
/// The MRV and compliance workflows on real PostgreSQL with the ledger engine: a report from evidence to
/// confirmation, the obligation, surrenders moved through the core exactly once (retries, concurrent requests,
/// a crash between reservation and move, and between move and completion), and the records as Marten streams.
/// </summary>
[Collection("postgres")]
public sealed class ComplianceCycleTests(PostgresFixture pg)
{
    private static readonly ActorId Regulator = DefaultComplianceRules.Regulator;
    private static readonly ActorId Plant = ActorId.Of("plant-a");
    private static readonly ActorId Verifier = ActorId.Of("verifier-1");
    private static readonly InstrumentId Cea2022 = InstrumentId.Parse("CEA-2022");
    private static readonly InstrumentId Ccer = InstrumentId.Parse("CCER-2021");
    private static readonly DateTimeZone Shanghai = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];

    [Fact]
    public async Task ComplianceCycle_ReportToSurrender_UnitsMovedOnceAndRecordMatchesLedger()
    {
        await using Setup s = await Setup.StartAsync(pg, "wf_cycle");

        long tonnes = await s.ConfirmedReportAsync();
        Assert.Equal(1_987_683, tonnes);

        Accepted(await s.Workflows.Compliance.ExecuteAsync("PLANT-A", 2022, new SetObligation(
            "PLANT-A", AccountId.Of("PLANT-A"), Plant, tonnes, 1_710_000, Regulator, default), "oblig-1"));
        var allowances = new RequestSurrender("r-cea", Cea2022, 1_800_000, null, Plant, default);
        WorkflowResult<ComplianceRejection> first =
            await s.Workflows.Compliance.ExecuteAsync("PLANT-A", 2022, allowances, "surr-1");
        WorkflowResult<ComplianceRejection> again =
            await s.Workflows.Compliance.ExecuteAsync("PLANT-A", 2022, allowances, "surr-1");
        WorkflowResult<ComplianceRejection> conflict = await s.Workflows.Compliance.ExecuteAsync(
            "PLANT-A", 2022, allowances with { Tonnes = 1 }, "surr-1");

        Accepted(first);
        Assert.True(again.AlreadyApplied);
        Assert.Equal(ComplianceRejection.IdempotencyKeyConflict, conflict.Rejection);

        // Offsets: 5 % of 1,987,683 = 99,384 t; the serial block's project comes from the journal.
        WorkflowResult<ComplianceRejection> offsets = await s.Workflows.Compliance.ExecuteAsync("PLANT-A", 2022,
            new RequestSurrender("r-ccer", Ccer, 99_384, "caller says anything", Plant, default,
                new SerialRange(1, 99_384)), "surr-2");
        Accepted(offsets);

        ComplianceRecord record = await s.Workflows.Compliance.LoadAsync("PLANT-A", 2022);
        Assert.Equal(99_384, record.Obligation!.OffsetCapTonnes);
        Assert.Equal(1_899_384, record.SurrenderedTonnes);
        Assert.Equal("PRJ-WIND-7", record.Surrendered.Single(x => x.Request.IsOffset).Request.Project);
        Assert.Equal(new SerialRange(1, 99_384),
            Assert.Single(record.Surrendered.Single(x => x.Request.IsOffset).Completion.Serials));
        Assert.Empty(record.Pending);
        await s.AssertSinkAsync(Cea2022, 1_800_000);
        await s.AssertSinkAsync(Ccer, 99_384);
    }

    [Fact]
    public async Task Surrender_RefusedByTheCore_RecordedAsFailedAndReservationReleased()
    {
        await using Setup s = await Setup.StartAsync(pg, "wf_fail");
        Accepted(await s.Workflows.Compliance.ExecuteAsync("PLANT-A", 2022, new SetObligation(
            "PLANT-A", AccountId.Of("PLANT-A"), Plant, 3_000_000, 2_000_000, Regulator, default), "oblig"));

        WorkflowResult<ComplianceRejection> result = await s.Workflows.Compliance.ExecuteAsync("PLANT-A", 2022,
            new RequestSurrender("too-many", Cea2022, 2_500_000, null, Plant, default), "surr");

        Accepted(result); // the workflow reserved it; the core then refused it
        ComplianceRecord record = await s.Workflows.Compliance.LoadAsync("PLANT-A", 2022);
        SurrenderFailed failed = Assert.Single(record.Failed);
        Assert.Equal((int)LedgerRejection.InsufficientAvailable, failed.LedgerRejection);
        Assert.Empty(record.Pending);
        Assert.Equal(3_000_000, record.OpenTonnes);
        await s.AssertSinkAsync(Cea2022, 0);
    }

    [Fact]
    public async Task Offsets_ConcurrentRequestsOverTheCap_ExactlyOneAccepted()
    {
        await using Setup s = await Setup.StartAsync(pg, "wf_race");
        Accepted(await s.Workflows.Compliance.ExecuteAsync("PLANT-A", 2022, new SetObligation(
            "PLANT-A", AccountId.Of("PLANT-A"), Plant, 200_000, 150_000, Regulator, default), "oblig"));

        // Cap 10,000 t: two requests of 6,000 t race on the same stream; optimistic concurrency re-decides the
        // loser on the fresh record, which then exceeds the cap.
        WorkflowResult<ComplianceRejection>[] results = await Task.WhenAll(
            s.Workflows.Compliance.ExecuteAsync("PLANT-A", 2022, new RequestSurrender("a", Ccer, 6_000, null, Plant,
                default, new SerialRange(1, 6_000)), "ka"),
            s.Workflows.Compliance.ExecuteAsync("PLANT-A", 2022, new RequestSurrender("b", Ccer, 6_000, null, Plant,
                default, new SerialRange(6_001, 12_000)), "kb"));

        Assert.Single(results, r => r.IsAccepted);
        Assert.Single(results, r => r.Rejection == ComplianceRejection.OffsetCapExceeded);
        await s.AssertSinkAsync(Ccer, 6_000);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Surrender_CrashAfterReservation_ResumedAtOpenExactlyOnce(bool coreMovedBeforeCrash)
    {
        await using Setup s = await Setup.StartAsync(pg, coreMovedBeforeCrash ? "wf_crash_moved" : "wf_crash");
        Accepted(await s.Workflows.Compliance.ExecuteAsync("PLANT-A", 2022, new SetObligation(
            "PLANT-A", AccountId.Of("PLANT-A"), Plant, 100_000, 100_000, Regulator, default), "oblig"));

        // As if the host died right after recording the reservation (and, in one case, after the core moved).
        await using (DocumentStore store = await WorkflowStore.OpenAsync(pg.ConnectionString, s.Schema))
        await using (IDocumentSession session = store.LightweightSession())
        {
            session.Events.Append(ComplianceRecords.StreamOf("PLANT-A", 2022), new SurrenderRequested(
                "crashed", Cea2022, 40_000, false, null, false, Plant, s.Clock.GetCurrentInstant()));
            await session.SaveChangesAsync();
        }

        if (coreMovedBeforeCrash)
        {
            CommandResult moved = await s.Engine.SubmitAsync(new SurrenderUnits(
                IdempotencyKey.Of(ComplianceRecords.LedgerKey("PLANT-A", 2022, "crashed")), Plant,
                AccountId.Of("PLANT-A"), Cea2022, Co2e.FromTonnes(40_000), Vintage.Of(2022)));
            Assert.True(moved.Outcome.IsAccepted);
        }

        await using LedgerWorkflows reopened = await LedgerWorkflows.OpenAsync(
            s.Engine, pg.ConnectionString, s.Schema, DefaultComplianceRules.Create(), s.Clock);

        Assert.Equal(1, reopened.SurrendersResumedAtOpen);
        ComplianceRecord record = await reopened.Compliance.LoadAsync("PLANT-A", 2022);
        Assert.Empty(record.Pending);
        Assert.Equal(40_000, record.SurrenderedTonnes);
        await s.AssertSinkAsync(Cea2022, 40_000);
    }

    [Fact]
    public async Task ForcedSurrender_FromFrozenUnitsAfterTheDeadline_ThroughTheCore()
    {
        await using Setup s = await Setup.StartAsync(pg, "wf_forced");
        CommandResult frozen = await s.Engine.SubmitAsync(new FreezeUnits(IdempotencyKey.Of("freeze-1"), Regulator,
            AccountId.Of("PLANT-A"), Cea2022, Co2e.FromTonnes(500_000), "COURT-7", "judicial freeze"));
        Assert.True(frozen.Outcome.IsAccepted);
        Accepted(await s.Workflows.Compliance.ExecuteAsync("PLANT-A", 2022, new SetObligation(
            "PLANT-A", AccountId.Of("PLANT-A"), Plant, 2_200_000, 2_000_000, Regulator, default), "oblig"));
        Accepted(await s.Workflows.Compliance.ExecuteAsync("PLANT-A", 2022,
            new RequestSurrender("own", Cea2022, 1_500_000, null, Plant, default), "own"));

        s.Clock.Reset(new LocalDateTime(2024, 1, 2, 9, 0).InZoneStrictly(Shanghai).ToInstant());
        Accepted(await s.Workflows.Compliance.ExecuteAsync("PLANT-A", 2022,
            new CloseCompliance(Regulator, default), "close"));
        ComplianceRecord closed = await s.Workflows.Compliance.LoadAsync("PLANT-A", 2022);
        Assert.Equal(700_000, closed.Closed!.ShortfallTonnes);
        Assert.Equal(700_000, closed.Deduction!.Tonnes);

        Accepted(await s.Workflows.Compliance.ExecuteAsync("PLANT-A", 2022,
            new AssessPenalty(Money.FromYuan(30_000), null, null, "shortfall not made good", Regulator, default),
            "penalty"));
        await s.AssertSinkAsync(Cea2022, 1_500_000);

        // Forced compliance (scenario 9): the regulator surrenders the frozen units without the holder.
        Assert.Equal(ComplianceRejection.NotRegulator, (await s.Workflows.Compliance.ExecuteAsync("PLANT-A", 2022,
            new ForceSurrender("force-1", Cea2022, 500_000, Plant, default, "COURT-7"), "force-by-plant")).Rejection);
        Accepted(await s.Workflows.Compliance.ExecuteAsync("PLANT-A", 2022,
            new ForceSurrender("force-1", Cea2022, 500_000, Regulator, default, "COURT-7"), "force"));
        ComplianceRecord forced = await s.Workflows.Compliance.LoadAsync("PLANT-A", 2022);
        Assert.True(forced.Surrendered.Single(x => x.Request.RequestId == "force-1").Request.Forced);
        Assert.Equal(200_000, forced.OpenTonnes);
        await s.AssertSinkAsync(Cea2022, 2_000_000);
        Position plant = await s.Engine.ReadAsync(l => l.GetPosition(AccountId.Of("PLANT-A"), Cea2022));
        Assert.Equal(Co2e.Zero, plant.Frozen);
    }

    [Fact]
    public async Task Allocation_Scenario2PreAllocationTrueUpAndExemption_IssuedThroughTheCore()
    {
        await using Setup s = await Setup.StartAsync(pg, "wf_alloc");
        AccountId plantB = await s.OpenEnterpriseAsync("PLANT-B", "plant-b");

        AllocationRecord pre = await s.Workflows.Allocation.PreAllocateAsync("PLANT-B", 2022, plantB,
            [Unit("2100000", "900000")], AccountId.Of("MEE-ACC"), Regulator);
        AllocationRecord trued = await s.Workflows.Allocation.TrueUpAsync("PLANT-B", 2022, plantB,
            [Unit("2000000", "1000000")], 2_300_000, AccountId.Of("MEE-ACC"), Regulator);
        AllocationRecord again = await s.Workflows.Allocation.TrueUpAsync("PLANT-B", 2022, plantB,
            [Unit("2000000", "1000000")], 2_300_000, AccountId.Of("MEE-ACC"), Regulator);

        Assert.Equal(1_245_300, pre.IssuedTonnes);
        Assert.Equal(
            [(AllocationKind.PreAllocation, 1_245_300L), (AllocationKind.TrueUp, 464_700L),
                (AllocationKind.ExemptionTopUp, 130_000L)],
            trued.Steps.OfType<AllocationIssued>().Select(x => (x.Kind, x.Tonnes)).ToList());
        Assert.Equal(trued.Steps.Count, again.Steps.Count);
        Position held = await s.Engine.ReadAsync(l => l.GetPosition(plantB, Cea2022));
        Assert.Equal(Co2e.FromTonnes(1_840_000), held.Available);
    }

    [Fact]
    public async Task Allocation_ClawBackLargerThanAvailable_PartialClawBackAndRecordedDeficit()
    {
        await using Setup s = await Setup.StartAsync(pg, "wf_claw");
        AccountId plantB = await s.OpenEnterpriseAsync("PLANT-B", "plant-b");
        AccountId buyer = await s.OpenEnterpriseAsync("BUYER", "buyer");

        // Scenario 2's alternative: the pre-allocation basis gave 1,800,000, so the true-up is −90,000; but the
        // enterprise sold all but 50,000 meanwhile.
        AllocationRecord pre = await s.Workflows.Allocation.PreAllocateAsync("PLANT-B", 2022, plantB,
            [Unit("3214285.715", "0")], AccountId.Of("MEE-ACC"), Regulator);
        Assert.Equal(1_800_000, pre.IssuedTonnes);
        CommandResult sold = await s.Engine.SubmitAsync(new TransferUnits(IdempotencyKey.Of("sell"),
            ActorId.Of("plant-b"), plantB, buyer, Cea2022, Co2e.FromTonnes(1_750_000)));
        Assert.True(sold.Outcome.IsAccepted);

        AllocationRecord trued = await s.Workflows.Allocation.TrueUpAsync("PLANT-B", 2022, plantB,
            [Unit("2000000", "1000000")], null, AccountId.Of("MEE-ACC"), Regulator);

        AllocationClawedBack claw = Assert.Single(trued.Steps.OfType<AllocationClawedBack>());
        Assert.Equal((90_000L, 50_000L, 40_000L), (claw.RequestedTonnes, claw.ClawedTonnes, claw.DeficitTonnes));
        Assert.Equal(40_000, trued.DeficitTonnes);
        Position held = await s.Engine.ReadAsync(l => l.GetPosition(plantB, Cea2022));
        Assert.Equal(Co2e.Zero, held.Total);
        await s.AssertSinkAsync(Cea2022, 0); // invariants hold; nothing surrendered
    }

    private static UnitOutput Unit(string power, string heat) =>
        new("U1", "COAL-300+", Scaled.Parse(power), Scaled.Parse(heat), Scaled.Parse("1.000"));

    private static void Accepted<T>(WorkflowResult<T> result)
        where T : struct, Enum =>
        Assert.True(result.IsAccepted, $"rejected: {result.Rejection}");

    /// <summary>An engine with a regulator, the enterprise PLANT-A holding CEA-2022 and CCER, and workflows.</summary>
    private sealed class Setup : IAsyncDisposable
    {
        private Setup(string schema, FakeClock clock, LedgerEngine engine, LedgerWorkflows workflows)
        {
            Schema = schema;
            Clock = clock;
            Engine = engine;
            Workflows = workflows;
        }

        public string Schema { get; }

        public FakeClock Clock { get; }

        public LedgerEngine Engine { get; }

        public LedgerWorkflows Workflows { get; }

        public static async Task<Setup> StartAsync(PostgresFixture pg, string prefix)
        {
            string schema = pg.NewSchemaName(prefix);
            var clock = new FakeClock(new LocalDateTime(2022, 1, 10, 9, 0).InZoneStrictly(Shanghai).ToInstant());
            LedgerEngine engine = await LedgerEngine.StartAsync(new LedgerEngineOptions
            {
                ConnectionString = pg.ConnectionString, Schema = schema, Clock = clock,
            });
            int k = 0;
            foreach (LedgerCommand command in new LedgerCommand[]
            {
                new OpenAccount(Key(), Regulator, AccountId.Of("MEE-ACC"), AccountType.Authority, Regulator),
                new OpenAccount(Key(), Regulator, AccountId.Of("PLANT-A"), AccountType.EnterpriseHolding, Plant),
                new IssueAllowances(Key(), Regulator, AccountId.Of("MEE-ACC"), AccountId.Of("PLANT-A"), Cea2022,
                    Co2e.FromTonnes(2_000_000)),
                new IssueCredits(Key(), Regulator, AccountId.Of("MEE-ACC"), AccountId.Of("PLANT-A"), Ccer,
                    new SerialRange(1, 200_000), "PRJ-WIND-7"),
            })
            {
                CommandResult result = await engine.SubmitAsync(command);
                Assert.True(result.Outcome.IsAccepted, $"{command.GetType().Name}: {result.Outcome.Rejection}");
            }

            LedgerWorkflows workflows = await LedgerWorkflows.OpenAsync(
                engine, pg.ConnectionString, schema, DefaultComplianceRules.Create(), clock);
            return new Setup(schema, clock, engine, workflows);

            IdempotencyKey Key() => IdempotencyKey.Of($"setup-{++k}");
        }

        /// <summary>Scenario 1 as a one-month report, evidence to confirmation; returns the confirmed tonnes.</summary>
        public async Task<long> ConfirmedReportAsync()
        {
            var plan = new MonitoringPlan("PLANT-A", 2022, Plant, 1, 1,
                [new PlannedFuel(DefaultFactors.BituminousCoal, "t", Scaled.Parse("5000000"))],
                DefaultFactors.NationalGrid, Scaled.Parse("100000"));
            var evidence = new MonthlyEvidence(1,
                [new FuelLine(DefaultFactors.BituminousCoal, Scaled.Parse("1000000"),
                    ParameterValue.Measured(Scaled.Parse("21.000"), "LAB-1"),
                    ParameterValue.Measured(Scaled.Parse("0.02600"), "LAB-2"),
                    ParameterValue.Measured(Scaled.Parse("0.99"), "LAB-3"))],
                Scaled.Parse("10000"), Scaled.Parse("2000000"), Scaled.Parse("1000000"));
            EmissionReports reports = Workflows.Reports;
            Accepted(await reports.ExecuteAsync("PLANT-A", 2022, new ApproveMonitoringPlan(plan, Regulator, default),
                "plan"));
            Clock.Reset(new LocalDateTime(2022, 2, 10, 9, 0).InZoneStrictly(Shanghai).ToInstant());
            Accepted(await reports.ExecuteAsync("PLANT-A", 2022, new SubmitMonthlyEvidence(evidence, Plant, default),
                "jan"));
            Clock.Reset(new LocalDateTime(2023, 3, 1, 9, 0).InZoneStrictly(Shanghai).ToInstant());
            Accepted(await reports.ExecuteAsync("PLANT-A", 2022, new SubmitAnnualReport(Plant, default), "report"));
            Accepted(await reports.ExecuteAsync("PLANT-A", 2022, new AssignVerifier(Verifier, Regulator, default),
                "assign"));
            Accepted(await reports.ExecuteAsync("PLANT-A", 2022, new VerifyEmissions(Verifier, default), "verify"));
            Accepted(await reports.ExecuteAsync("PLANT-A", 2022, new ConfirmEmissions(Regulator, default), "confirm"));
            Clock.Reset(new LocalDateTime(2023, 9, 1, 9, 0).InZoneStrictly(Shanghai).ToInstant());
            EmissionReport report = await reports.LoadAsync("PLANT-A", 2022);
            Assert.Contains(report.Verified!.Trace, l => l.FactorIds.Contains("GridEmission/CN-GRID/2022/v1"));
            return report.ConfirmedTonnes!.Value;
        }

        public async Task<AccountId> OpenEnterpriseAsync(string account, string owner)
        {
            CommandResult opened = await Engine.SubmitAsync(new OpenAccount(IdempotencyKey.Of("open-" + account),
                Regulator, AccountId.Of(account), AccountType.EnterpriseHolding, ActorId.Of(owner)));
            Assert.True(opened.Outcome.IsAccepted, opened.Outcome.Rejection.ToString());
            return AccountId.Of(account);
        }

        public async Task AssertSinkAsync(InstrumentId instrument, long tonnes)
        {
            Position sink = await Engine.ReadAsync(l => l.GetPosition(SinkAccounts.Surrendered, instrument));
            Assert.Equal(Co2e.FromTonnes(tonnes), sink.Total);
            await Engine.ReadAsync(l =>
            {
                LedgerInvariants.AssertAll(l);
                return 0;
            });
        }

        public async ValueTask DisposeAsync()
        {
            await Workflows.DisposeAsync();
            await Engine.DisposeAsync();
        }
    }
}
