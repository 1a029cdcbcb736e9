using CarbonLedger.Domain.Accounts;
using CarbonLedger.Domain.Compliance;
using CarbonLedger.Domain.Credits;
using CarbonLedger.Domain.Identity;
using CarbonLedger.Domain.Instruments;
using CarbonLedger.Domain.Mrv;
using CarbonLedger.Domain.Quantities;
using CarbonLedger.Domain.Registry;
using CarbonLedger.Domain.Tests.Registry.Support;
using NodaTime;

namespace CarbonLedger.Domain.Tests.Compliance;

/// <summary>
/// Random reporting, allocation and surrender steps through the workflow deciders and the real ledger core
/// (the harness checks the naive <c>ReferenceLedger</c> and invariants I1–I4 after every ledger command).
/// After every step: offset use never exceeds the cap, the workflow's surrendered tonnes equal the ledger's
/// surrender sink, and units surrendered stay there (terminal).
/// </summary>
public sealed class ComplianceCyclePropertyTests
{
    private const int Enterprises = 3;
    private static readonly DateTimeZone Shanghai = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];
    private static readonly ActorId Regulator = ActorId.Of(LedgerHarness.Regulator);
    private static readonly InstrumentId Cea = InstrumentId.Parse(LedgerHarness.Cea);
    private static readonly InstrumentId Ccer = InstrumentId.Parse(LedgerHarness.Ccer);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void ComplianceCycle_RandomSteps_CapRespectedUnitsConservedSurrenderTerminal(int seed)
    {
        var random = new Random(seed);
        LedgerHarness h = LedgerHarness.WithAccounts(
            Enumerable.Range(1, Enterprises).Select(i => ($"E-{i}", $"e{i}")).ToArray());
        ComplianceRules rules = ObligationFormulaTests.National(2024) with
        {
            Deadline = new LocalDateTime(2025, 12, 31, 17, 0),
            PartialOffsetAcceptance = random.Next(2) == 0,
        };
        var context = new ComplianceContext(rules, Shanghai, [Regulator], ["PRJ-COVERED"]);
        var records = new ComplianceRecord[Enterprises];
        var projects = new string[Enterprises];
        long serial = 1;
        for (int i = 0; i < Enterprises; i++)
        {
            // Reporting: a month of coal with random consumption gives the verified tonnes.
            long verified = Verified(random);
            long allocation = verified * random.Next(50, 120) / 100;
            h.Accept(h.Cmd.IssueAllowances(LedgerHarness.Regulator, LedgerHarness.Authority, $"E-{i + 1}",
                LedgerHarness.Cea, allocation));
            long credits = random.Next(1, 20_000);
            projects[i] = random.Next(5) == 0 ? "PRJ-COVERED" : "PRJ-WIND";
            h.Accept(h.Cmd.IssueCredits(LedgerHarness.Regulator, LedgerHarness.Authority, $"E-{i + 1}",
                LedgerHarness.Ccer, serial, serial + credits - 1, project: projects[i]));
            serial += credits;
            records[i] = Step(ComplianceRecord.Empty, new SetObligation(
                $"E-{i + 1}", AccountId.Of($"E-{i + 1}"), ActorId.Of($"e{i + 1}"), verified, allocation, Regulator,
                h.Now), context).Record;
        }

        for (int step = 0; step < 400; step++)
        {
            int i = random.Next(Enterprises);
            ComplianceRecord record = records[i];
            bool offset = random.Next(3) == 0;
            InstrumentId instrument = offset ? Ccer : Cea;
            // Offsets sized around the cap (so that some fit and some overflow), allowances around the obligation.
            long scale = offset ? record.Obligation!.OffsetCapTonnes * 3 / 4 : record.Obligation!.ObligationTonnes / 4;
            long tonnes = random.Next(1, (int)Math.Max(2, scale));
            var request = new RequestSurrender($"r{step}", instrument, tonnes, offset ? projects[i] : null,
                ActorId.Of($"e{i + 1}"), h.Now, offset ? LowestAvailable(h, $"E-{i + 1}", tonnes) : null);
            (record, ComplianceDecision decision) = Step(record, request, context);
            if (decision.IsAccepted)
            {
                var reserved = (SurrenderRequested)decision.Events[0];
                LedgerDecision moved = h.Run(h.Cmd.Surrender($"e{i + 1}", $"E-{i + 1}", instrument.ToString(),
                    reserved.Tonnes, 2024, reserved.Serials, key: $"surrender.E-{i + 1}.2024.{reserved.RequestId}"));
                CompleteSurrender completion = moved.Outcome.IsAccepted
                    ? new(reserved.RequestId, true, moved.Outcome.Sequence,
                        [.. ((UnitsSurrendered)moved.Event!).Serials], 0, "", Regulator, h.Now)
                    : new(reserved.RequestId, false, 0, [], (int)moved.Outcome.Rejection,
                        moved.Outcome.Rejection.ToString(), Regulator, h.Now);
                (record, _) = Step(record, completion, context);
            }

            records[i] = record;
            AssertCompliance(h, records);
            if (step % 50 == 0)
            {
                // Terminal: nobody can move units out of the surrender sink.
                h.Reject(h.Cmd.Transfer("SYSTEM", SinkAccounts.Surrendered.Value, "E-1", LedgerHarness.Cea, 1),
                    LedgerRejection.AccountIsTerminalSink);
            }
        }

        // The stream must have exercised the interesting paths, not only rejections.
        Assert.True(records.Sum(r => r.Surrendered.Count) > 10);
        Assert.Contains(records, r => r.OffsetTonnes > 0);
        Assert.Contains(records, r => r.Failed.Count > 0 || r.OpenTonnes == 0);
    }

    private static void AssertCompliance(LedgerHarness h, ComplianceRecord[] records)
    {
        foreach (ComplianceRecord r in records)
        {
            Assert.True(r.OffsetTonnes + r.PendingOffsetTonnes <= r.Obligation!.OffsetCapTonnes);
            Assert.True(r.SurrenderedTonnes <= r.Obligation.ObligationTonnes);
            Assert.Empty(r.Pending);
            Assert.All(r.Surrendered, s => Assert.NotEqual("PRJ-COVERED", s.Request.Project));
        }

        foreach (InstrumentId instrument in new[] { Cea, Ccer })
        {
            long workflow = records.Sum(r => r.Surrendered.Where(s => s.Request.Instrument == instrument)
                .Sum(s => s.Request.Tonnes));
            Position sink = h.Ledger.GetPosition(SinkAccounts.Surrendered, instrument);
            Assert.Equal(Co2e.FromTonnes(workflow), sink.Total);
        }
    }

    private static (ComplianceRecord Record, ComplianceDecision Decision) Step(
        ComplianceRecord record, ComplianceCommand command, ComplianceContext context)
    {
        ComplianceDecision decision = ComplianceDecider.Decide(record, command, context);
        foreach (ComplianceEvent e in decision.Events)
        {
            record = record.Evolve(e);
        }

        return (record, decision);
    }

    /// <summary>The account's lowest available CCER serials (a block that may not exist: the core decides).</summary>
    private static SerialRange LowestAvailable(LedgerHarness h, string account, long tonnes)
    {
        long start = h.Ledger.AllSerialHoldings()
            .Where(s => s.Account.Value == account && s.Instrument == Ccer && s.Bucket == Bucket.Available)
            .Select(s => s.Serials.Start)
            .DefaultIfEmpty(1)
            .Min();
        return new SerialRange(start, start + tonnes - 1);
    }

    private static long Verified(Random random)
    {
        var line = new FuelLine("COAL", Scaled.Whole(random.Next(10_000, 400_000)),
            ParameterValue.Measured(Scaled.Parse("21.000"), "lab"),
            ParameterValue.Measured(Scaled.Parse("0.02600"), "lab"),
            ParameterValue.Measured(Scaled.Parse("0.99"), "lab"));
        var month = new MonthlyEvidence(1, [line], Scaled.Whole(0), Scaled.Whole(0), Scaled.Whole(0));
        var grid = new ParameterValue(Scaled.Parse("0.5703"), ParameterBasis.Default, "grid");
        return AnnualEmissions.Compute(2024, [month], grid, indirectInScope: true).Tonnes;
    }

}
