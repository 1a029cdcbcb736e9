using CarbonLedger.Domain.Compliance;
using CarbonLedger.Domain.Credits;
using CarbonLedger.Domain.Identity;
using CarbonLedger.Domain.Instruments;
using CarbonLedger.Domain.Quantities;
using NodaTime;

namespace CarbonLedger.Domain.Tests.Compliance;

public sealed class ComplianceWorkflowTests
{
    private static readonly ActorId Regulator = ActorId.Of("MEE");
    private static readonly ActorId Plant = ActorId.Of("PLANT-A");
    private static readonly AccountId Account = AccountId.Of("REG-PLANT-A");
    private static readonly DateTimeZone Shanghai = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];
    private static readonly InstrumentId Cea2022 = InstrumentId.Parse("CEA-2022");
    private static readonly InstrumentId Ccer = InstrumentId.Parse("CCER-2021");
    private static readonly InstrumentId Shcer = InstrumentId.Parse("SHCER-2022");

    private static ComplianceContext Context(ComplianceRules? rules = null) => new(
        rules ?? ObligationFormulaTests.National(2022), Shanghai, [Regulator], ["CCER-PRJ-INSIDE-ETS"]);

    private static Instant At(int year, int month, int day, int hour = 10) =>
        new LocalDateTime(year, month, day, hour, 0).InZoneLeniently(Shanghai).ToInstant();

    private static (ComplianceRecord Record, ComplianceDecision Last) Run(
        ComplianceContext context, params ComplianceCommand[] commands)
    {
        ComplianceRecord record = ComplianceRecord.Empty;
        ComplianceDecision last = null!;
        foreach (ComplianceCommand command in commands)
        {
            last = ComplianceDecider.Decide(record, command, context);
            foreach (ComplianceEvent e in last.Events)
            {
                record = record.Evolve(e);
            }
        }

        return (record, last);
    }

    private static SetObligation Obligation(long verified, long allocation = 1_710_000) =>
        new("PLANT-A", Account, Plant, verified, allocation, Regulator, At(2023, 7, 1));

    private static SerialRange Block(long tonnes) => new(1, tonnes);

    private static CompleteSurrender Moved(string id, long seq = 1) =>
        new(id, true, seq, [], 0, "", Regulator, At(2023, 9, 1));

    [Fact]
    public void OffsetCap_Scenario4_100000CcerRejected99000Accepted()
    {
        ComplianceContext context = Context();

        (ComplianceRecord record, ComplianceDecision over) = Run(context, Obligation(1_980_000),
            new RequestSurrender("r1", Ccer, 100_000, "CCER-PRJ-WIND-9", Plant, At(2023, 9, 1), Block(100_000)));
        Assert.Equal(99_000, record.Obligation!.OffsetCapTonnes);
        Assert.Equal(ComplianceRejection.OffsetCapExceeded, over.Rejection);
        Assert.Empty(record.Pending);

        (record, ComplianceDecision within) = Run(context, Obligation(1_980_000),
            new RequestSurrender("r1", Ccer, 99_000, "CCER-PRJ-WIND-9", Plant, At(2023, 9, 1), Block(99_000)));
        Assert.True(within.IsAccepted);
        Assert.Equal(99_000, record.PendingOffsetTonnes);
    }

    [Fact]
    public void OffsetCap_PartialAcceptanceConfigured_CutsToTheCap()
    {
        ComplianceContext context =
            Context(ObligationFormulaTests.National(2022) with { PartialOffsetAcceptance = true });

        (ComplianceRecord record, ComplianceDecision last) = Run(context, Obligation(1_980_000),
            new RequestSurrender("r1", Ccer, 100_000, "CCER-PRJ-WIND-9", Plant, At(2023, 9, 1), Block(100_000)));

        Assert.True(last.IsAccepted);
        Assert.Equal(99_000, Assert.Single(record.Pending.Values).Tonnes);
    }

    [Fact]
    public void Offset_WithoutItsSerialBlock_Rejected()
    {
        ComplianceContext context = Context();

        Assert.Equal(ComplianceRejection.OffsetSerialsRequired, Run(context, Obligation(1_980_000),
            new RequestSurrender("r1", Ccer, 1_000, "CCER-PRJ-WIND-9", Plant, At(2023, 9, 1))).Last.Rejection);
        Assert.Equal(ComplianceRejection.OffsetSerialsRequired, Run(context, Obligation(1_980_000),
            new RequestSurrender("r1", Ccer, 1_000, "CCER-PRJ-WIND-9", Plant, At(2023, 9, 1), Block(999))).Last.Rejection);
    }

    [Fact]
    public void Offset_FromCoveredBoundary_Rejected()
    {
        ComplianceDecision last = Run(Context(), Obligation(1_980_000),
            new RequestSurrender("r1", Ccer, 1_000, "CCER-PRJ-INSIDE-ETS", Plant, At(2023, 9, 1), Block(1_000))).Last;

        Assert.Equal(ComplianceRejection.OffsetFromCoveredBoundary, last.Rejection);
    }

    [Fact]
    public void ShanghaiCombinedCap_Scenario15_6000CcerPlus5000ShcerRejectsTheSecond()
    {
        // Verified 200,000 t; the cap of 5 % (10,000 t) is one cap across CCER and SHCER.
        ComplianceRules shanghai = ObligationFormulaTests.National(2022) with
        {
            AllowanceProgramme = Programme.Shea, OffsetProgrammes = [Programme.Ccer, Programme.Shcer],
        };
        ComplianceContext context = Context(shanghai);

        (ComplianceRecord record, ComplianceDecision last) = Run(context, Obligation(200_000, 150_000),
            new RequestSurrender("ccer", Ccer, 6_000, "CCER-PRJ-WIND-9", Plant, At(2023, 9, 1), Block(6_000)),
            Moved("ccer"),
            new RequestSurrender("shcer", Shcer, 5_000, "SHCER-METRO-2022", Plant, At(2023, 9, 2), Block(5_000)));

        Assert.Equal(10_000, record.Obligation!.OffsetCapTonnes);
        Assert.Equal(ComplianceRejection.OffsetCapExceeded, last.Rejection);
        Assert.True(Run(context, Obligation(200_000, 150_000),
            new RequestSurrender("ccer", Ccer, 6_000, "CCER-PRJ-WIND-9", Plant, At(2023, 9, 1), Block(6_000)),
            Moved("ccer"),
            new RequestSurrender("shcer", Shcer, 4_000, "SHCER-METRO-2022", Plant, At(2023, 9, 2), Block(4_000)))
            .Last.IsAccepted);
    }

    [Fact]
    public void Surrender_IneligibleVintageOrProgramme_Rejected()
    {
        ComplianceContext context = Context();

        Assert.Equal(ComplianceRejection.VintageIneligible, Run(context, Obligation(100),
            new RequestSurrender("r", InstrumentId.Parse("CEA-2023"), 10, null, Plant, At(2023, 9, 1))).Last.Rejection);
        Assert.Equal(ComplianceRejection.InstrumentIneligible, Run(context, Obligation(100),
            new RequestSurrender("r", InstrumentId.Parse("SHEA-2022"), 10, null, Plant, At(2023, 9, 1)))
            .Last.Rejection);
        Assert.Equal(ComplianceRejection.InstrumentIneligible, Run(context, Obligation(100),
            new RequestSurrender("r", Shcer, 1, "SHCER-X", Plant, At(2023, 9, 1), Block(1))).Last.Rejection);
    }

    [Fact]
    public void Surrender_OtherRules_NamedRejections()
    {
        ComplianceContext context = Context();
        var ok = new RequestSurrender("r1", Cea2022, 10, null, Plant, At(2023, 9, 1));

        Assert.Equal(ComplianceRejection.QuantityMustBePositive,
            Run(context, Obligation(100), ok with { Tonnes = 0 }).Last.Rejection);
        Assert.Equal(ComplianceRejection.NoObligation, Run(context, ok).Last.Rejection);
        Assert.Equal(ComplianceRejection.NotObligedEnterprise,
            Run(context, Obligation(100), ok with { Actor = Regulator }).Last.Rejection);
        Assert.Equal(ComplianceRejection.RequestIdReused, Run(context, Obligation(100), ok, ok).Last.Rejection);
        Assert.Equal(ComplianceRejection.SurrenderExceedsObligation,
            Run(context, Obligation(100), ok with { Tonnes = 101 }).Last.Rejection);
        Assert.Equal(ComplianceRejection.SurrenderExceedsObligation,
            Run(context, Obligation(100), ok with { Tonnes = 60 }, ok with { RequestId = "r2", Tonnes = 41 })
                .Last.Rejection);
        Assert.Equal(ComplianceRejection.NotRegulator,
            Run(context, Obligation(100) with { Actor = Plant }).Last.Rejection);
        Assert.Equal(ComplianceRejection.ObligationAlreadySet,
            Run(context, Obligation(100), Obligation(100)).Last.Rejection);
    }

    [Fact]
    public void Deadline_PassedWithoutExtension_RejectsAndExtensionReopens()
    {
        ComplianceContext context = Context();
        var late = new RequestSurrender("r1", Cea2022, 10, null, Plant, At(2024, 1, 1));

        Assert.Equal(ComplianceRejection.DeadlinePassed, Run(context, Obligation(100), late).Last.Rejection);
        Assert.True(Run(context, Obligation(100),
            new RequestSurrender("r1", Cea2022, 10, null, Plant, At(2023, 12, 31, 16))).Last.IsAccepted);
        Assert.True(Run(context, Obligation(100),
            new ExtendDeadline(new LocalDateTime(2024, 1, 31, 17, 0), "system outage", Regulator, At(2023, 12, 30)),
            late).Last.IsAccepted);
        Assert.Equal(ComplianceRejection.ReasonRequired, Run(context, Obligation(100),
            new ExtendDeadline(new LocalDateTime(2024, 1, 31, 17, 0), "", Regulator, At(2023, 12, 30))).Last.Rejection);
    }

    [Fact]
    public void Close_Shortfall_DeductionScheduledAndPenaltyWithinRule()
    {
        // Scenario 9's numbers: obligation 100,000; only 70,000 could be surrendered → shortfall 30,000.
        ComplianceContext context = Context();
        ComplianceCommand[] closed =
        [
            Obligation(100_000, 90_000),
            new RequestSurrender("r1", Cea2022, 70_000, null, Plant, At(2023, 9, 1)),
            Moved("r1"),
            new CloseCompliance(Regulator, At(2024, 1, 2)),
        ];

        (ComplianceRecord record, ComplianceDecision last) = Run(context, closed);
        Assert.True(last.IsAccepted);
        Assert.Equal(30_000, record.Closed!.ShortfallTonnes);
        Assert.Equal(new NextYearDeductionScheduled(2023, 30_000, At(2024, 1, 2)), record.Deduction);

        Assert.Equal(ComplianceRejection.PenaltyOutsideRule, Run(context, [.. closed,
            new AssessPenalty(Money.FromYuan(30_001), null, null, "late", Regulator, At(2024, 2, 1))]).Last.Rejection);
        (record, last) = Run(context, [.. closed,
            new AssessPenalty(Money.FromYuan(25_000), null, null, "shortfall 30,000 t", Regulator, At(2024, 2, 1))]);
        Assert.True(last.IsAccepted);
        Assert.Equal(Money.FromYuan(25_000), record.Penalty!.Amount);
        Assert.Equal(ComplianceRejection.ComplianceClosed, Run(context, [.. closed,
            new RequestSurrender("r2", Cea2022, 1, null, Plant, At(2024, 1, 3))]).Last.Rejection);
    }

    [Fact]
    public void Penalty_PriceMultipleRule_MultipleTimesPriceTimesShortfall()
    {
        ComplianceContext context = Context(ObligationFormulaTests.National(2022) with
        {
            Penalty = PenaltyRule.PriceMultiple(5, 10),
        });
        ComplianceCommand[] closed = [Obligation(1_000), new CloseCompliance(Regulator, At(2024, 1, 2))];

        (ComplianceRecord record, ComplianceDecision last) = Run(context, [.. closed,
            new AssessPenalty(null, 5, Price.FromYuanPerTonne(80), "no surrender", Regulator, At(2024, 2, 1))]);

        Assert.True(last.IsAccepted);
        Assert.Equal(Money.FromYuan(400_000), record.Penalty!.Amount);
        Assert.Equal(ComplianceRejection.PenaltyOutsideRule, Run(context, [.. closed,
            new AssessPenalty(null, 11, Price.FromYuanPerTonne(80), "x", Regulator, At(2024, 2, 1))]).Last.Rejection);
        Assert.Equal(ComplianceRejection.ComplianceOpen, Run(context, Obligation(1_000),
            new AssessPenalty(null, 5, Price.FromYuanPerTonne(80), "x", Regulator, At(2024, 2, 1))).Last.Rejection);
    }

    [Fact]
    public void Close_BeforeDeadlineOrWithRequestsInFlight_Rejected()
    {
        ComplianceContext context = Context();

        Assert.Equal(ComplianceRejection.DeadlineNotReached,
            Run(context, Obligation(100), new CloseCompliance(Regulator, At(2023, 12, 1))).Last.Rejection);
        Assert.Equal(ComplianceRejection.DeadlineNotReached, Run(context, Obligation(100),
            new RequestSurrender("r1", Cea2022, 10, null, Plant, At(2023, 9, 1)),
            new CloseCompliance(Regulator, At(2024, 1, 2))).Last.Rejection);
    }

    [Fact]
    public void ForcedSurrender_AfterDeadlineByRegulator_ReservedAsForced()
    {
        ComplianceContext context = Context();

        (ComplianceRecord record, ComplianceDecision last) = Run(context, Obligation(100_000),
            new ForceSurrender("f1", Cea2022, 30_000, Regulator, At(2024, 1, 5)));

        Assert.True(last.IsAccepted);
        Assert.True(record.Pending["f1"].Forced);
        Assert.Equal(ComplianceRejection.NotRegulator, Run(context, Obligation(100_000),
            new ForceSurrender("f1", Cea2022, 30_000, Plant, At(2024, 1, 5))).Last.Rejection);
    }

    [Fact]
    public void FailedMovement_ReleasesTheReservation()
    {
        ComplianceContext context = Context();

        (ComplianceRecord record, _) = Run(context, Obligation(100),
            new RequestSurrender("r1", Cea2022, 100, null, Plant, At(2023, 9, 1)),
            new CompleteSurrender("r1", false, 0, [], 903, "InsufficientAvailable", Regulator, At(2023, 9, 1)));

        Assert.Empty(record.Pending);
        Assert.Equal(100, record.OpenTonnes);
        Assert.Equal(903, Assert.Single(record.Failed).LedgerRejection);
        Assert.Equal(
            ComplianceRejection.RequestUnknown, ComplianceDecider.Decide(record, Moved("r1"), context).Rejection);
    }
}
