using CarbonLedger.Domain.Accounts;
using CarbonLedger.Domain.Credits;
using CarbonLedger.Domain.Identity;
using CarbonLedger.Domain.Inclusion;
using CarbonLedger.Domain.Instruments;
using CarbonLedger.Domain.Quantities;
using CarbonLedger.Domain.Registry;
using CarbonLedger.Engine.Inclusion;
using CarbonLedger.Testing.Postgres;
using NodaTime;
using NodaTime.Testing;

namespace CarbonLedger.Engine.Tests.Inclusion;

/// <summary>
/// 碳普惠 on real PostgreSQL: batches with per-record refusals, duplicates across platforms (also racing),
/// idempotent batch ids, points, and SHCER issuance through the ledger core with the exact carry (scenario 13).
/// </summary>
[Collection("postgres")]
public sealed class InclusionStoreTests(PostgresFixture pg)
{
    private static readonly DateTimeZone Shanghai = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];
    private static readonly ActorId Regulator = ActorId.Of("sh-dee");
    private static readonly DateInterval March = new(new LocalDate(2026, 3, 1), new LocalDate(2026, 3, 31));
    private static readonly DateInterval April = new(new LocalDate(2026, 4, 1), new LocalDate(2026, 4, 30));

    [Fact]
    public async Task Ingest_BatchWithDuplicatesAcrossPlatforms_RecordsOnceReportsEachRefusal()
    {
        await using Setup s = await Setup.StartAsync(pg, "incl_dup");
        IngestResult metro = await s.Store.IngestAsync("metro-1", "METRO-APP", March,
            [Line(1, "B-1", "P-1", "SH-METRO", "20"), Line(2, "B-2", "P-2", "SH-METRO", "5"),
                Line(3, "B-2", "P-2", "SH-METRO", "5"), Line(4, "B-3", "P-9", "SH-METRO", "5")]);
        IngestResult bike = await s.Store.IngestAsync("bike-1", "BIKE-APP", March,
            [Line(1, "B-1", "P-1", "SH-CYCLING", "3"), Line(2, "B-4", "P-1", "SH-CYCLING", "3")]);
        IngestResult again = await s.Store.IngestAsync("metro-1", "METRO-APP", March,
            [Line(1, "B-1", "P-1", "SH-METRO", "20")]);

        Assert.Equal((2, 3_200L + 800L), (metro.Recorded, metro.Grams));
        Assert.Equal([(3, InclusionRejection.DuplicateInBatch), (4, InclusionRejection.PersonUnknown)],
            metro.Refused.Select(r => (r.Position, r.Rejection)).ToList());
        Assert.Equal((1, InclusionRejection.DuplicateRecorded), (bike.Refused.Single().Position,
            bike.Refused.Single().Rejection));
        Assert.True(again.AlreadyIngested);
        Assert.Equal((4_000L, 2L), await s.Store.TotalsAsync("SH-METRO", March));

        // Points follow confirmed reductions: none before the regulator confirms the period, then 100 g a point.
        Assert.Equal((0L, 0L), await s.Store.PointsAsync("P-1"));
        await s.Store.ConfirmAndIssueAsync("SH-METRO", March, Regulator, AccountId.Of("SH-DEE-ACC"));
        await s.Store.ConfirmAndIssueAsync("SH-CYCLING", March, Regulator, AccountId.Of("SH-DEE-ACC"));
        await s.Store.ConfirmAndIssueAsync("SH-METRO", March, Regulator, AccountId.Of("SH-DEE-ACC"));
        Assert.Equal((32L + 6L, 0L), await s.Store.PointsAsync("P-1")); // 3,200 g + 600 g
        Assert.Equal((8L, 0L), await s.Store.PointsAsync("P-2"));
    }

    [Fact]
    public async Task Ingest_TwoPlatformsRacingWithOneBehaviourId_ExactlyOneRecordsIt()
    {
        await using Setup s = await Setup.StartAsync(pg, "incl_race");
        IngestResult[] results = await Task.WhenAll(
            s.Store.IngestAsync("m", "METRO-APP", March, [Line(1, "SAME", "P-1", "SH-METRO", "1")]),
            s.Store.IngestAsync("b", "BIKE-APP", March, [Line(1, "SAME", "P-1", "SH-CYCLING", "1")]));

        Assert.Equal(1, results.Sum(r => r.Recorded));
        Assert.Single(results, r => r.Refused.Any(x => x.Rejection == InclusionRejection.DuplicateRecorded));
    }

    [Fact]
    public async Task Issuance_Scenario13TwoMonths_WholeTonnesToTheScenarioAccountAndExactCarry()
    {
        await using Setup s = await Setup.StartAsync(pg, "incl_issue");

        // 12,345,678 g in March (77,160.4875 pkm at 160 g/pkm), then 700,000 g in April.
        await s.Store.IngestAsync("mar", "METRO-APP", March, [Line(1, "M-1", "P-1", "SH-METRO", "200", day: 3),
            .. Enumerable.Range(2, 384).Select(i => Line(i, $"M-{i}", "P-2", "SH-METRO", "200", day: 4)),
            Line(386, "M-386", "P-2", "SH-METRO", "160.4875", day: 5)]);
        await s.Store.IngestAsync("apr", "METRO-APP", April,
            [.. Enumerable.Range(1, 25).Select(i => Line(i, $"A-{i}", "P-1", "SH-METRO", "175", month: 4))]);
        Assert.Equal(12_345_678, (await s.Store.TotalsAsync("SH-METRO", March)).Grams);

        ScenarioIssuance march = await s.Store.ConfirmAndIssueAsync("SH-METRO", March, Regulator,
            AccountId.Of("SH-DEE-ACC"));
        ScenarioIssuance again = await s.Store.ConfirmAndIssueAsync("SH-METRO", March, Regulator,
            AccountId.Of("SH-DEE-ACC"));
        ScenarioIssuance april = await s.Store.ConfirmAndIssueAsync("SH-METRO", April, Regulator,
            AccountId.Of("SH-DEE-ACC"));

        Assert.Equal((12L, 345_678L), (march.Issuance.Tonnes, march.Issuance.CarryOutGrams));
        Assert.Equal(march.Serials, again.Serials);
        Assert.Equal((345_678L, 1L, 45_678L), (april.Issuance.CarriedInGrams, april.Issuance.Tonnes,
            april.Issuance.CarryOutGrams));
        Assert.Equal(new SerialRange(1, 12), march.Serials);
        Assert.Equal(new SerialRange(13, 13), april.Serials);
        Position held = await s.Engine.ReadAsync(l =>
            l.GetPosition(AccountId.Of("SHCER-METRO"), InstrumentId.Parse("SHCER-2026")));
        Assert.Equal(Co2e.FromTonnes(13), held.Available);

        IngestResult late = await s.Store.IngestAsync("mar-late", "METRO-APP", March,
            [Line(1, "M-LATE", "P-1", "SH-METRO", "1", day: 30)]);
        Assert.Equal(InclusionRejection.PeriodAlreadyIssued, late.Refused.Single().Rejection);
    }

    [Fact]
    public async Task Correction_BeforeIssuance_MovesGramsAndTotalsAndIsKept()
    {
        await using Setup s = await Setup.StartAsync(pg, "incl_fix");
        await s.Store.IngestAsync("m", "METRO-APP", March, [Line(1, "B-1", "P-1", "SH-METRO", "20")]);

        Assert.Equal(InclusionRejection.ReasonRequired,
            await s.Store.CorrectAsync("METRO-APP", "B-1", Scaled.Parse("2"), " "));
        Assert.Equal(InclusionRejection.BehaviourUnknown,
            await s.Store.CorrectAsync("BIKE-APP", "B-1", Scaled.Parse("2"), "GPS drift"));
        Assert.Equal(InclusionRejection.ActivityImplausible,
            await s.Store.CorrectAsync("METRO-APP", "B-1", Scaled.Parse("201"), "GPS drift"));
        Assert.Equal(InclusionRejection.None,
            await s.Store.CorrectAsync("METRO-APP", "B-1", Scaled.Parse("2"), "GPS drift: 2 km, not 20"));
        Assert.Equal((320L, 1L), await s.Store.TotalsAsync("SH-METRO", March));

        await s.Store.ConfirmAndIssueAsync("SH-METRO", March, Regulator, AccountId.Of("SH-DEE-ACC"));
        Assert.Equal(InclusionRejection.PeriodAlreadyIssued,
            await s.Store.CorrectAsync("METRO-APP", "B-1", Scaled.Parse("3"), "late correction"));
    }

    [Fact]
    public async Task Redemption_MoreThanHeld_RefusedPointsNeverNegative()
    {
        await using Setup s = await Setup.StartAsync(pg, "incl_redeem");
        await s.Store.IngestAsync("m", "METRO-APP", March, [Line(1, "B-1", "P-1", "SH-METRO", "20")]);
        await s.Store.ConfirmAndIssueAsync("SH-METRO", March, Regulator, AccountId.Of("SH-DEE-ACC"));

        Assert.Equal(InclusionRejection.PointsInsufficient, await s.Store.RedeemAsync("P-1", 33, "ORDER-1"));
        Assert.Equal(InclusionRejection.PointsMustBePositive, await s.Store.RedeemAsync("P-1", 0, "ORDER-1"));
        Assert.Equal(InclusionRejection.None, await s.Store.RedeemAsync("P-1", 30, "ORDER-1"));
        Assert.Equal(InclusionRejection.PointsInsufficient, await s.Store.RedeemAsync("P-1", 3, "ORDER-2"));
        Assert.Equal((2L, 0L), await s.Store.PointsAsync("P-1"));
    }

    private static BatchLine Line(int position, string id, string person, string scenario, string activity,
        int day = 10, int month = 3) =>
        new(position, new BehaviourRecord(id, person, scenario, Scaled.Parse(activity),
            new LocalDateTime(2026, month, day, 8, 0).InZoneStrictly(Shanghai).ToInstant()));

    private sealed class Setup : IAsyncDisposable
    {
        private Setup(LedgerEngine engine, InclusionStore store)
        {
            Engine = engine;
            Store = store;
        }

        public LedgerEngine Engine { get; }

        public InclusionStore Store { get; }

        public static async Task<Setup> StartAsync(PostgresFixture pg, string prefix)
        {
            string schema = pg.NewSchemaName(prefix);
            var clock = new FakeClock(Instant.FromUtc(2026, 5, 10, 2, 0));
            LedgerEngine engine = await LedgerEngine.StartAsync(new LedgerEngineOptions
            {
                ConnectionString = pg.ConnectionString, Schema = schema, Clock = clock,
            });
            int k = 0;
            foreach (LedgerCommand open in new LedgerCommand[]
            {
                new OpenAccount(IdempotencyKey.Of($"o{++k}"), Regulator, AccountId.Of("SH-DEE-ACC"),
                    AccountType.Authority, Regulator),
                new OpenAccount(IdempotencyKey.Of($"o{++k}"), Regulator, AccountId.Of("SHCER-METRO"),
                    AccountType.InclusionPlatform, ActorId.Of("metro-app")),
                new OpenAccount(IdempotencyKey.Of($"o{++k}"), Regulator, AccountId.Of("SHCER-CYCLING"),
                    AccountType.InclusionPlatform, ActorId.Of("bike-app")),
            })
            {
                Assert.True((await engine.SubmitAsync(open)).Outcome.IsAccepted);
            }

            InclusionStore store = await InclusionStore.OpenAsync(pg.ConnectionString, schema, engine,
                DefaultInclusionRules.Create(), clock);
            await store.RegisterPersonsAsync("METRO-APP", ["P-1", "P-2"]);
            await store.RegisterPersonsAsync("BIKE-APP", ["P-1"]);
            return new Setup(engine, store);
        }

        public async ValueTask DisposeAsync()
        {
            await Store.DisposeAsync();
            await Engine.DisposeAsync();
        }
    }
}
