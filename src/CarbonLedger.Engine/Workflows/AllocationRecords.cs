using System.Collections.Immutable;
using System.Globalization;
using CarbonLedger.Domain.Compliance;
using CarbonLedger.Domain.Identity;
using CarbonLedger.Domain.Instruments;
using CarbonLedger.Domain.Quantities;
using CarbonLedger.Domain.Registry;
using NodaTime;

namespace CarbonLedger.Engine.Workflows;

/// <summary>
/// Allocation under the year's plan, issued through the ledger core (<c>allocation-{enterprise}-{year}</c>):
/// pre-allocation from the prior year's output, then the true-up to the actual output (issue, or claw back what
/// is available and record the rest as a deficit) and the exemption top-up. Each ledger movement has a key
/// derived from the enterprise, year and step, so a retried call never issues or claws back twice; the record
/// is appended after the core accepted.
/// </summary>
public sealed class AllocationRecords
{
    private readonly WorkflowStreams _streams;
    private readonly LedgerEngine _engine;
    private readonly JournalLookup _journal;
    private readonly ComplianceRuleBook _rules;
    private readonly IClock _clock;

    internal AllocationRecords(
        WorkflowStreams streams, LedgerEngine engine, JournalLookup journal, ComplianceRuleBook rules, IClock clock)
    {
        _streams = streams;
        _engine = engine;
        _journal = journal;
        _rules = rules;
        _clock = clock;
    }

    /// <summary>The stream of <paramref name="enterprise"/>'s allocation for <paramref name="year"/>.</summary>
    public static string StreamOf(string enterprise, int year) =>
        string.Create(CultureInfo.InvariantCulture, $"allocation-{enterprise}-{year}");

    /// <summary>The allocation record (empty when none).</summary>
    public async Task<AllocationRecord> LoadAsync(string enterprise, int year, CancellationToken ct = default) =>
        AllocationRecord.Replay((await _streams.ReadAsync(StreamOf(enterprise, year), ct))
            .Select(e => (AllocationEvent)e.Data));

    /// <summary>
    /// Pre-allocates to <paramref name="account"/>: the plan's ratio × the allocation of
    /// <paramref name="priorYearOutputs"/>, issued by <paramref name="regulator"/> from <paramref name="authority"/>.
    /// Returns the record after it (unchanged when already pre-allocated).
    /// </summary>
    public async Task<AllocationRecord> PreAllocateAsync(string enterprise, int year, AccountId account,
        IReadOnlyList<UnitOutput> priorYearOutputs, AccountId authority, ActorId regulator,
        CancellationToken ct = default)
    {
        AllocationPlan plan = PlanFor(year);
        AllocationResult pre = AllocationFormula.PreAllocate(plan, priorYearOutputs);
        await IssueAsync(enterprise, year, account, AllocationKind.PreAllocation, pre.Tonnes, pre.Trace, authority,
            regulator, ct);
        return await LoadAsync(enterprise, year, ct);
    }

    /// <summary>
    /// Trues up to the allocation of <paramref name="actualOutputs"/>: issues the difference, or claws back what
    /// is available of a negative difference and records the rest as a deficit; then, where the plan has an
    /// exemption share and <paramref name="verifiedTonnes"/> is given, issues the top-up to that share.
    /// </summary>
    public async Task<AllocationRecord> TrueUpAsync(string enterprise, int year, AccountId account,
        IReadOnlyList<UnitOutput> actualOutputs, long? verifiedTonnes, AccountId authority, ActorId regulator,
        CancellationToken ct = default)
    {
        AllocationPlan plan = PlanFor(year);
        AllocationResult final = AllocationFormula.Allocate(plan, actualOutputs);
        AllocationRecord record = await LoadAsync(enterprise, year, ct);
        long preAllocated = record.Steps.OfType<AllocationIssued>()
            .Where(s => s.Kind == AllocationKind.PreAllocation).Sum(s => s.Tonnes);
        long delta = AllocationFormula.TrueUp(final.Tonnes, preAllocated);
        if (delta > 0)
        {
            await IssueAsync(enterprise, year, account, AllocationKind.TrueUp, delta, final.Trace, authority,
                regulator, ct);
        }
        else if (delta < 0 && !record.TrueUpDone)
        {
            await ClawBackAsync(enterprise, year, account, -delta, final.Trace, authority, regulator, ct);
        }

        if (plan.ExemptionShare is { } share && verifiedTonnes is { } verified)
        {
            long topUp = AllocationFormula.ExemptionTopUp(final.Tonnes, verified, share);
            if (topUp > 0)
            {
                await IssueAsync(enterprise, year, account, AllocationKind.ExemptionTopUp, topUp, [], authority,
                    regulator, ct);
            }
        }

        return await LoadAsync(enterprise, year, ct);
    }

    private async Task IssueAsync(string enterprise, int year, AccountId account, AllocationKind kind, long tonnes,
        ImmutableArray<Domain.Mrv.TraceLine> trace, AccountId authority, ActorId regulator, CancellationToken ct)
    {
        string key = LedgerKey(enterprise, year, kind.ToString());
        if ((await LoadAsync(enterprise, year, ct)).Has(kind) || tonnes <= 0)
        {
            return;
        }

        var instrument = new InstrumentId(Programme.Cea, Vintage.Of(year));
        CommandResult issued = await _engine.SubmitAsync(new IssueAllowances(IdempotencyKey.Of(key), regulator,
            authority, account, instrument, Co2e.FromTonnes(tonnes)), StreamOf(enterprise, year), ct);
        if (!issued.Outcome.IsAccepted)
        {
            throw new InvalidOperationException(
                $"{kind} of {tonnes} t to {account} was refused by the ledger: {issued.Outcome.Rejection}");
        }

        await RecordAsync(enterprise, year, key,
            new AllocationIssued(kind, tonnes, trace, issued.Outcome.Sequence, _clock.GetCurrentInstant()), ct);
    }

    private async Task ClawBackAsync(string enterprise, int year, AccountId account, long due,
        ImmutableArray<Domain.Mrv.TraceLine> trace, AccountId authority, ActorId regulator, CancellationToken ct)
    {
        string key = LedgerKey(enterprise, year, "claw-back");
        var instrument = new InstrumentId(Programme.Cea, Vintage.Of(year));

        // A retry after a crash between the core's claw-back and its record must not compute a new amount from
        // the reduced balance: the journal already says what was clawed back under this key.
        Position held = await _engine.ReadAsync(l => l.GetPosition(account, instrument), ct);
        long clawed = await _journal.ClawedBackTonnesAsync(key, ct)
            ?? Math.Min(due, held.Available.Grams / Co2e.GramsPerTonne);
        long sequence = 0;
        if (clawed > 0)
        {
            CommandResult result = await _engine.SubmitAsync(new ClawBackUnits(IdempotencyKey.Of(key), regulator,
                account, authority, instrument, Co2e.FromTonnes(clawed),
                string.Create(CultureInfo.InvariantCulture, $"true-up {year}: {due} t due back")),
                StreamOf(enterprise, year), ct);
            if (!result.Outcome.IsAccepted)
            {
                throw new InvalidOperationException(
                    $"claw-back of {clawed} t from {account} was refused by the ledger: {result.Outcome.Rejection}");
            }

            sequence = result.Outcome.Sequence;
        }

        await RecordAsync(enterprise, year, key,
            new AllocationClawedBack(due, clawed, due - clawed, trace, sequence, _clock.GetCurrentInstant()), ct);
    }

    private Task<WorkflowResult<ComplianceRejection>> RecordAsync(
        string enterprise, int year, string key, AllocationEvent e, CancellationToken ct) =>
        _streams.StepAsync(StreamOf(enterprise, year), key, e with { At = default }, _ =>
            (ComplianceRejection.None, (IReadOnlyList<object>)[e]), ComplianceRejection.IdempotencyKeyConflict, ct);

    private AllocationPlan PlanFor(int year) => _rules.Plans.TryGetValue(year, out AllocationPlan? plan)
        ? plan
        : throw new ArgumentException(
            string.Create(CultureInfo.InvariantCulture, $"the rule book has no allocation plan for {year}"));

    private static string LedgerKey(string enterprise, int year, string step) =>
        WorkflowKeys.Ledger("alc", enterprise, year, "allocation/" + step);
}
