using CarbonLedger.Domain.Inclusion;
using CarbonLedger.Domain.Quantities;
using NodaTime;

namespace CarbonLedger.Domain.Tests.Inclusion;

public sealed class InclusionTests
{
    private static readonly DateTimeZone Shanghai = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];
    private static readonly InclusionRules Rules = DefaultInclusionRules.Create() with
    {
        CoveredSites = ["SITE-COVERED-STEEL"],
    };

    private static readonly DateInterval March = new(new LocalDate(2026, 3, 1), new LocalDate(2026, 3, 31));

    private static Instant At(int day, int hour = 8) =>
        new LocalDateTime(2026, 3, day, hour, 0).InZoneStrictly(Shanghai).ToInstant();

    private static BatchLine Line(int position, string id, string person, string scenario, string activity,
        Instant? at = null, string? site = null) =>
        new(position, new BehaviourRecord(id, person, scenario, Scaled.Parse(activity), at ?? At(10), site));

    private static BatchDecision Validate(string platform, params BatchLine[] lines) =>
        BatchValidator.Validate(platform, March, lines, Rules, Shanghai, person => person != "P-UNREGISTERED");

    [Fact]
    public void Metro_Scenario13Trip_Is3200Grams()
    {
        BatchDecision d = Validate("METRO-APP", Line(1, "B-1", "P-1", "SH-METRO", "20"));

        AcceptedBehaviour trip = Assert.Single(d.Accepted);
        Assert.Equal(3_200, trip.Grams);
        Assert.Equal("METRO/v1", trip.Methodology);
        Assert.Empty(d.Refused);
    }

    [Fact]
    public void RooftopPv_Scenario14_Issues61TonnesAndCarries787Kilograms()
    {
        BatchDecision d = Validate("PV-PLATFORM", Line(1, "PV-2026-1", "P-HOST-1", "SH-PV", "110000", site: "SITE-1"));

        long grams = Assert.Single(d.Accepted).Grams;
        Assert.Equal(61_787_000, grams);
        PeriodIssuance issuance = PeriodIssuance.Of(0, grams);
        Assert.Equal((61L, 787_000L), (issuance.Tonnes, issuance.CarryOutGrams));
    }

    [Fact]
    public void RooftopPv_HostInsideCoveredBoundary_RefusedAsDoubleCounting()
    {
        BatchDecision d = Validate("PV-PLATFORM",
            Line(1, "PV-2026-2", "P-HOST-2", "SH-PV", "5000", site: "SITE-COVERED-STEEL"));

        Assert.Equal(InclusionRejection.InsideCoveredBoundary, Assert.Single(d.Refused).Rejection);
    }

    [Fact]
    public void Issuance_Scenario13TwoMonths_WholeTonnesAndExactCarry()
    {
        PeriodIssuance first = PeriodIssuance.Of(0, 12_345_678);
        PeriodIssuance second = PeriodIssuance.Of(first.CarryOutGrams, 700_000);

        Assert.Equal((12L, 345_678L), (first.Tonnes, first.CarryOutGrams));
        Assert.Equal((1L, 45_678L), (second.Tonnes, second.CarryOutGrams));
    }

    [Fact]
    public void Batch_EveryBadLine_ReportedWithPositionAndGoodLinesKept()
    {
        BatchDecision d = Validate("METRO-APP",
            new BatchLine(1, null, "line 1: activity 'x' is not a decimal"),
            Line(2, "", "P-1", "SH-METRO", "1"),
            Line(3, "B-3", "P-1", "SH-METRO", "-1"),
            Line(4, "B-4", "P-1", "SH-NOWHERE", "1"),
            Line(5, "B-5", "P-1", "SH-CYCLING", "1"),
            Line(6, "B-6", "P-UNREGISTERED", "SH-METRO", "1"),
            Line(7, "B-7", "P-1", "SH-METRO", "200.1"),
            Line(8, "B-8", "P-1", "SH-METRO", "1", At(10) + Duration.FromDays(30)),
            Line(9, "B-9", "P-1", "SH-METRO", "1"),
            Line(10, "B-9", "P-2", "SH-METRO", "2"),
            Line(11, "B-11", "P-2", "SH-BUS", "10"));

        Assert.Equal(
        [
            (1, InclusionRejection.Malformed), (2, InclusionRejection.IdentifierInvalid),
            (3, InclusionRejection.ActivityNegative), (4, InclusionRejection.ScenarioUnknown),
            (5, InclusionRejection.ScenarioOfAnotherPlatform), (6, InclusionRejection.PersonUnknown),
            (7, InclusionRejection.ActivityImplausible), (8, InclusionRejection.OutsidePeriod),
            (10, InclusionRejection.DuplicateInBatch),
        ], d.Refused.Select(r => (r.Position, r.Rejection)).ToList());
        Assert.Equal([9, 11], d.Accepted.Select(a => a.Position).ToList());
        Assert.Equal(1_400, d.Accepted[1].Grams); // 10 pkm × (200 − 60)
    }

    [Fact]
    public void Period_DatesInShanghai_MidnightBoundary()
    {
        // 2026-03-31 23:30 in Shanghai is 15:30 UTC: inside March; 2026-04-01 00:30 is not.
        Instant lastMinute = new LocalDateTime(2026, 3, 31, 23, 30).InZoneStrictly(Shanghai).ToInstant();
        Instant nextDay = new LocalDateTime(2026, 4, 1, 0, 30).InZoneStrictly(Shanghai).ToInstant();

        BatchDecision d = Validate("METRO-APP", Line(1, "B-1", "P-1", "SH-METRO", "1", lastMinute),
            Line(2, "B-2", "P-1", "SH-METRO", "1", nextDay));

        Assert.Equal(1, Assert.Single(d.Accepted).Position);
        Assert.Equal(InclusionRejection.OutsidePeriod, Assert.Single(d.Refused).Rejection);
    }

    [Fact]
    public void Points_GramsShortOfAPoint_CarriedNeverLostOrNegative()
    {
        var rule = new PointsRule(100);

        Assert.Equal((32L, 0L), rule.Credit(0, 3_200));
        Assert.Equal((0L, 99L), rule.Credit(0, 99));
        Assert.Equal((1L, 0L), rule.Credit(99, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => rule.Credit(0, -1));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void GramsConservation_RandomPeriodsAndPersons_IssuedPlusCarryEqualsRecorded(int seed)
    {
        // Property: through aggregation, issuance and carry-over, and through points, no gram is lost or created.
        var random = new Random(seed);
        var rule = new PointsRule(random.Next(1, 1_000));
        long recorded = 0, issuedTonnes = 0, carry = 0;
        var pending = new Dictionary<int, long>();
        long points = 0;
        for (int period = 0; period < 240; period++)
        {
            long periodGrams = 0;
            int behaviours = random.Next(0, 400);
            for (int b = 0; b < behaviours; b++)
            {
                var methodology = Rules.Methodologies.Values.ElementAt(random.Next(Rules.Methodologies.Count));
                Scaled activity = Scaled.Of(random.NextInt64(0, 50_000), 2);
                long grams = methodology.ReductionGrams(activity);
                Assert.True(grams >= 0);
                periodGrams += grams;
                int person = random.Next(50);
                (long p, long rest) = rule.Credit(pending.GetValueOrDefault(person), grams);
                pending[person] = rest;
                points += p;
                Assert.InRange(rest, 0, rule.GramsPerPoint - 1);
            }

            recorded += periodGrams;
            PeriodIssuance issuance = PeriodIssuance.Of(carry, periodGrams);
            Assert.InRange(issuance.CarryOutGrams, 0, Co2e.GramsPerTonne - 1);
            issuedTonnes += issuance.Tonnes;
            carry = issuance.CarryOutGrams;
            Assert.Equal(recorded, (issuedTonnes * Co2e.GramsPerTonne) + carry);
            Assert.Equal(recorded, (points * rule.GramsPerPoint) + pending.Values.Sum());
        }
    }
}
