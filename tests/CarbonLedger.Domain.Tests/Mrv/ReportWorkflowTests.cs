using CarbonLedger.Domain.Identity;
using CarbonLedger.Domain.Mrv;
using CarbonLedger.Domain.Quantities;
using NodaTime;

namespace CarbonLedger.Domain.Tests.Mrv;

public sealed class ReportWorkflowTests
{
    private static readonly ActorId Regulator = ActorId.Of("SH-DEE");
    private static readonly ActorId Reporter = ActorId.Of("PLANT-A-MRV");
    private static readonly ActorId Verifier = ActorId.Of("VERIFIER-1");
    private static readonly ActorId Other = ActorId.Of("VERIFIER-2");
    private static readonly DateTimeZone Shanghai = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];

    private static readonly FactorLibrary Factors = FactorLibrary.Empty
        .With(new EmissionFactor(FactorKind.GridEmission, "CN-GRID", 2022, 1, Scaled.Parse("0.5703"), "tCO2/MWh",
            "MEE 2023 notice", ParameterBasis.Default, new LocalDate(2023, 2, 7)))
        .With(new EmissionFactor(FactorKind.OxidationRate, "COAL", 2022, 1, Scaled.Parse("0.99"), "1",
            "scenario default", ParameterBasis.Default, new LocalDate(2022, 1, 1)));

    private static readonly MrvContext Context = new(Factors, Shanghai, [Regulator], IndirectInScope: true);

    private static readonly MonitoringPlan Plan = new(
        "PLANT-A", 2022, Reporter, 1, 1, [new PlannedFuel("COAL", "t", Scaled.Parse("2000000"))], "CN-GRID",
        Scaled.Parse("50000"));

    private static Instant At(int year, int month, int day) =>
        new LocalDateTime(year, month, day, 10, 0).InZoneLeniently(Shanghai).ToInstant();

    private static MonthlyEvidence January(string fc = "1000000", string mwh = "10000") => new(
        1,
        [new FuelLine("COAL", Scaled.Parse(fc), ParameterValue.Measured(Scaled.Parse("21.000"), "LAB-NCV-01"),
            ParameterValue.Measured(Scaled.Parse("0.02600"), "LAB-CC-01"), null)],
        Scaled.Parse(mwh), Scaled.Parse("2000000"), Scaled.Parse("1000000"));

    private static (EmissionReport Report, ReportDecision Last) Run(params ReportCommand[] commands)
    {
        EmissionReport report = EmissionReport.Empty;
        ReportDecision last = null!;
        foreach (ReportCommand command in commands)
        {
            last = ReportDecider.Decide(report, command, Context);
            foreach (ReportEvent e in last.Events)
            {
                report = report.Evolve(e);
            }
        }

        return (report, last);
    }

    private static ReportCommand[] ToSubmitted() =>
    [
        new ApproveMonitoringPlan(Plan, Regulator, At(2021, 12, 20)),
        new SubmitMonthlyEvidence(January(), Reporter, At(2022, 2, 10)),
        new SubmitAnnualReport(Reporter, At(2023, 3, 1)),
    ];

    [Fact]
    public void Report_Scenario1FullCycle_ConfirmsWithTraceAndPinnedFactors()
    {
        (EmissionReport report, ReportDecision last) = Run(
        [
            .. ToSubmitted(),
            new AssignVerifier(Verifier, Regulator, At(2023, 4, 1)),
            new VerifyEmissions(Verifier, At(2023, 5, 1)),
            new ConfirmEmissions(Regulator, At(2023, 6, 1)),
        ]);

        Assert.True(last.IsAccepted);
        Assert.Equal(ReportStatus.Confirmed, report.Status);
        Assert.Equal(1_987_683, report.ConfirmedTonnes);
        AnnualEmissions figures = report.Verified!;
        Assert.Equal(Co2e.FromTonnes(1_981_980), figures.Direct);
        Assert.Equal(Co2e.FromTonnes(5_703), figures.Indirect);

        // OF came from the library and is pinned by its version id; the grid factor likewise.
        Assert.Contains(figures.Trace, l => l.FactorIds.Contains("OxidationRate/COAL/2022/v1"));
        Assert.Contains(figures.Trace, l => l.FactorIds.Contains("GridEmission/CN-GRID/2022/v1"));
        Assert.All(figures.Trace, l => Assert.False(string.IsNullOrEmpty(l.Rounding)));
    }

    [Fact]
    public void Verification_AdjustedParameter_TraceShowsBeforeAndAfter()
    {
        (EmissionReport report, ReportDecision last) = Run(
        [
            .. ToSubmitted(),
            new AssignVerifier(Verifier, Regulator, At(2023, 4, 1)),
            new AdjustParameter(1, "COAL", AdjustableParameter.CarbonContent,
                ParameterValue.Measured(Scaled.Parse("0.02700"), "VERIFIER-RESAMPLE-7"), "lab report misread", Verifier,
                At(2023, 4, 10)),
            new VerifyEmissions(Verifier, At(2023, 5, 1)),
        ]);

        Assert.True(last.IsAccepted);
        ParameterAdjusted adjustment = Assert.Single(report.Adjustments);
        Assert.Equal("0.02600", adjustment.Before.Value.ToString());
        Assert.Equal("0.02700", adjustment.After.Value.ToString());

        // 1,000,000 × 21.000 × 0.02700 × 0.99 × 44/12 = 2,058,210 t; plus 5,703 t electricity.
        Assert.Equal(2_063_913, report.Verified!.Tonnes);
        Assert.Equal(1_987_683, report.Submitted!.Figures.Tonnes);
    }

    [Fact]
    public void Restatement_AfterConfirmation_OnlyByRegulatorWithReason()
    {
        ReportCommand[] confirmed =
        [
            .. ToSubmitted(),
            new AssignVerifier(Verifier, Regulator, At(2023, 4, 1)),
            new VerifyEmissions(Verifier, At(2023, 5, 1)),
            new ConfirmEmissions(Regulator, At(2023, 6, 1)),
        ];

        Assert.Equal(MrvRejection.ReportConfirmed,
            Run([.. confirmed, new VerifyEmissions(Verifier, At(2023, 7, 1))]).Last.Rejection);
        Assert.Equal(MrvRejection.ReportConfirmed,
            Run([.. confirmed, new SubmitMonthlyEvidence(January(), Reporter, At(2023, 7, 1))]).Last.Rejection);
        Assert.Equal(MrvRejection.NotRegulator,
            Run([.. confirmed, new RestateEmissions(1_900_000, "error", Verifier, At(2023, 7, 1))]).Last.Rejection);
        Assert.Equal(MrvRejection.ReasonRequired,
            Run([.. confirmed, new RestateEmissions(1_900_000, " ", Regulator, At(2023, 7, 1))]).Last.Rejection);

        (EmissionReport report, ReportDecision last) =
            Run([.. confirmed, new RestateEmissions(1_990_000, "court finding 2023-88", Regulator, At(2023, 8, 1))]);
        Assert.True(last.IsAccepted);
        Assert.Equal(1_990_000, report.ConfirmedTonnes);
        Assert.Equal(1_987_683, Assert.Single(report.Restatements).Before);
    }

    [Fact]
    public void Verification_ByUnassignedVerifier_IsRejected()
    {
        ReportCommand[] assigned = [.. ToSubmitted(), new AssignVerifier(Verifier, Regulator, At(2023, 4, 1))];

        Assert.Equal(MrvRejection.VerifierNotAssigned,
            Run([.. assigned, new VerifyEmissions(Other, At(2023, 5, 1))]).Last.Rejection);
        Assert.Equal(MrvRejection.VerifierNotAssigned, Run([.. ToSubmitted(),
            new VerifyEmissions(Verifier, At(2023, 5, 1))]).Last.Rejection);
        Assert.Equal(MrvRejection.VerifierNotAssigned, Run([.. assigned, new AdjustParameter(1, "COAL",
            AdjustableParameter.Consumption, ParameterValue.Measured(Scaled.Whole(1), "x"), "why", Other,
            At(2023, 5, 1))]).Last.Rejection);
        Assert.Equal(MrvRejection.NotRegulator,
            Run([.. ToSubmitted(), new AssignVerifier(Verifier, Verifier, At(2023, 4, 1))]).Last.Rejection);
        Assert.Equal(MrvRejection.ReportNotVerified,
            Run([.. assigned, new ConfirmEmissions(Regulator, At(2023, 6, 1))]).Last.Rejection);
    }

    [Theory]
    [InlineData(13, "1000", "1", MrvRejection.MonthInvalid)]
    [InlineData(1, "-1", "1", MrvRejection.ActivityNegative)]
    [InlineData(1, "1000", "-1", MrvRejection.ActivityNegative)]
    [InlineData(2, "1000", "1", MrvRejection.MonthOutsidePlan)]
    public void Evidence_BadValuesOrMonth_RejectedAndNothingRecorded(
        int month, string fc, string mwh, MrvRejection expected)
    {
        MonthlyEvidence evidence = January(fc, mwh) with { Month = month };

        (EmissionReport report, ReportDecision last) = Run(
            new ApproveMonitoringPlan(Plan, Regulator, At(2021, 12, 20)),
            new SubmitMonthlyEvidence(evidence, Reporter, At(2022, 2, 1)));

        Assert.Equal(expected, last.Rejection);
        Assert.Empty(last.Events);
        Assert.Empty(report.Evidence);
    }

    [Fact]
    public void Evidence_ImplausibleActivity_HeldForReviewNotCounted()
    {
        (EmissionReport report, ReportDecision last) = Run(
            new ApproveMonitoringPlan(Plan, Regulator, At(2021, 12, 20)),
            new SubmitMonthlyEvidence(January(fc: "2000001"), Reporter, At(2022, 2, 1)));

        Assert.Equal(MrvRejection.ActivityImplausible, last.Rejection);
        EvidenceHeldForReview held = Assert.Single(report.Held);
        Assert.Contains("above the plan's monthly bound", held.Reason, StringComparison.Ordinal);
        Assert.Empty(report.Evidence);
        Assert.Equal(MrvRejection.EvidenceMissing,
            Run(new ApproveMonitoringPlan(Plan, Regulator, At(2021, 12, 20)),
                new SubmitMonthlyEvidence(January(fc: "2000001"), Reporter, At(2022, 2, 1)),
                new SubmitAnnualReport(Reporter, At(2023, 3, 1))).Last.Rejection);
    }

    [Fact]
    public void Evidence_OtherRules_NamedRejections()
    {
        var approve = new ApproveMonitoringPlan(Plan, Regulator, At(2021, 12, 20));
        MonthlyEvidence gas = January() with
        {
            Fuels = [new FuelLine("GAS", Scaled.Whole(1), null, null, null)],
        };
        MonthlyEvidence noDefault = January() with
        {
            Fuels = [new FuelLine("COAL", Scaled.Whole(1), null, null, null)],
        };
        MonthlyEvidence badOf = January() with
        {
            Fuels = [January().Fuels[0] with { OxidationRate = ParameterValue.Measured(Scaled.Parse("1.01"), "x") }],
        };

        Assert.Equal(MrvRejection.NoMonitoringPlan,
            Run(new SubmitMonthlyEvidence(January(), Reporter, At(2022, 2, 1))).Last.Rejection);
        Assert.Equal(MrvRejection.NotReporter,
            Run(approve, new SubmitMonthlyEvidence(January(), Verifier, At(2022, 2, 1))).Last.Rejection);
        Assert.Equal(MrvRejection.FuelNotInPlan,
            Run(approve, new SubmitMonthlyEvidence(gas, Reporter, At(2022, 2, 1))).Last.Rejection);
        Assert.Equal(MrvRejection.DefaultFactorMissing,
            Run(approve, new SubmitMonthlyEvidence(noDefault, Reporter, At(2022, 2, 1))).Last.Rejection);
        Assert.Equal(MrvRejection.ParameterOutOfRange,
            Run(approve, new SubmitMonthlyEvidence(badOf, Reporter, At(2022, 2, 1))).Last.Rejection);
        Assert.Equal(MrvRejection.PlanAlreadyApproved, Run(approve, approve).Last.Rejection);
        Assert.Equal(MrvRejection.NotRegulator,
            Run(new ApproveMonitoringPlan(Plan, Reporter, At(2021, 12, 20))).Last.Rejection);
        Assert.Equal(MrvRejection.ReportAlreadySubmitted,
            Run([.. ToSubmitted(), new SubmitMonthlyEvidence(January(), Reporter, At(2023, 3, 2))]).Last.Rejection);
        Assert.Equal(MrvRejection.GridFactorMissing, Run(approve,
            new SubmitMonthlyEvidence(January(), Reporter, At(2022, 2, 1)),
            new SubmitAnnualReport(Reporter, At(2022, 12, 31))).Last.Rejection);
    }

    [Fact]
    public void Evidence_AfterFortyDays_RecordedAsLate()
    {
        // January ends on the 31st; the deadline is 40 days later, 12 March 2022 (Asia/Shanghai).
        Assert.Equal(new LocalDate(2022, 3, 12), EvidenceDeadline.For(2022, 1));

        (EmissionReport onTime, _) = Run(new ApproveMonitoringPlan(Plan, Regulator, At(2021, 12, 20)),
            new SubmitMonthlyEvidence(January(), Reporter, At(2022, 3, 12)));
        (EmissionReport late, ReportDecision last) = Run(new ApproveMonitoringPlan(Plan, Regulator, At(2021, 12, 20)),
            new SubmitMonthlyEvidence(January(), Reporter, At(2022, 3, 15)));

        Assert.Empty(onTime.DaysLate);
        Assert.True(last.IsAccepted);
        Assert.Equal(3, late.DaysLate[1]);
    }

    [Fact]
    public void Evidence_Resubmitted_SupersedesWithRevision()
    {
        (EmissionReport report, _) = Run(new ApproveMonitoringPlan(Plan, Regulator, At(2021, 12, 20)),
            new SubmitMonthlyEvidence(January(fc: "900000"), Reporter, At(2022, 2, 1)),
            new SubmitMonthlyEvidence(January(), Reporter, At(2022, 2, 5)));

        Assert.Equal(2, report.Revisions[1]);
        Assert.Equal("1000000", report.Evidence[1].Fuels[0].Consumption.ToString());
    }

}
