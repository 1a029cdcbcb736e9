using System.Globalization;
using CarbonLedger.Domain.Compliance;
using CarbonLedger.Domain.Credits;
using CarbonLedger.Domain.Identity;
using CarbonLedger.Domain.Quantities;
using CarbonLedger.Domain.Registry;
using NodaTime;

namespace CarbonLedger.Engine.Workflows;

/// <summary>
/// Compliance records on Marten streams (<c>compliance-{enterprise}-{year}</c>). A surrender is reserved by
/// the workflow (<see cref="ComplianceDecider"/>), then moved by the ledger core under a key derived from the
/// request (so a retry can never move units twice), then completed or failed on the record with the core's
/// answer. <see cref="ResumeAsync"/> finishes reservations a crash left in flight.
/// </summary>
public sealed class ComplianceRecords
{
    private static readonly ActorId s_host = ActorId.Of("SYSTEM");
    private readonly WorkflowStreams _streams;
    private readonly LedgerEngine _engine;
    private readonly JournalLookup _journal;
    private readonly ComplianceRuleBook _rules;
    private readonly IClock _clock;

    internal ComplianceRecords(
        WorkflowStreams streams, LedgerEngine engine, JournalLookup journal, ComplianceRuleBook rules, IClock clock)
    {
        _streams = streams;
        _engine = engine;
        _journal = journal;
        _rules = rules;
        _clock = clock;
    }

    /// <summary>The stream of <paramref name="enterprise"/>'s compliance for <paramref name="year"/>.</summary>
    public static string StreamOf(string enterprise, int year) =>
        string.Create(CultureInfo.InvariantCulture, $"compliance-{enterprise}-{year}");

    /// <summary>The ledger idempotency key of a surrender request (short, deterministic, valid as a key).</summary>
    public static string LedgerKey(string enterprise, int year, string requestId) =>
        WorkflowKeys.Ledger("srd", enterprise, year, requestId);

    /// <summary>
    /// Runs <paramref name="command"/> (stamped with the clock) on the record of <paramref name="enterprise"/>
    /// for <paramref name="year"/>; an accepted surrender is moved in the ledger core before this returns.
    /// </summary>
    /// <exception cref="ArgumentException">The rule book has no compliance rules for the year.</exception>
    public async Task<WorkflowResult<ComplianceRejection>> ExecuteAsync(
        string enterprise, int year, ComplianceCommand command, string key, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(enterprise);
        ArgumentNullException.ThrowIfNull(command);
        ComplianceContext context = ContextFor(year);
        ComplianceCommand given = await WithProjectAsync(command with { At = default }, context, ct);
        WorkflowResult<ComplianceRejection> result = await _streams.StepAsync(StreamOf(enterprise, year), key, given,
            events =>
            {
                ComplianceCommand stamped = given with { At = _clock.GetCurrentInstant() };
                ComplianceDecision decision = ComplianceDecider.Decide(Fold(events), stamped, context);
                return (decision.Rejection, decision.Events.Cast<object>().ToList());
            }, ComplianceRejection.IdempotencyKeyConflict, ct);
        foreach (SurrenderRequested requested in result.Events.OfType<SurrenderRequested>())
        {
            await MoveAsync(enterprise, year, requested, ct);
        }

        return result;
    }

    /// <summary>The record of <paramref name="enterprise"/> for <paramref name="year"/> (empty when none).</summary>
    public async Task<ComplianceRecord> LoadAsync(string enterprise, int year, CancellationToken ct = default) =>
        Fold((await _streams.ReadAsync(StreamOf(enterprise, year), ct)).Select(e => e.Data).ToList());

    /// <summary>The enterprises with a compliance record for <paramref name="year"/>.</summary>
    public async Task<IReadOnlyList<string>> EnterprisesAsync(int year, CancellationToken ct = default)
    {
        string suffix = string.Create(CultureInfo.InvariantCulture, $"-{year}");
        return (await _streams.StreamsAsync("compliance-", ct))
            .Where(s => s.EndsWith(suffix, StringComparison.Ordinal))
            .Select(s => s["compliance-".Length..^suffix.Length])
            .ToList();
    }

    /// <summary>Moves and completes every reservation left in flight (after a crash); returns how many.</summary>
    public async Task<int> ResumeAsync(CancellationToken ct = default)
    {
        int resumed = 0;
        foreach (string stream in await _streams.StreamsAsync("compliance-", ct))
        {
            int dash = stream.LastIndexOf('-');
            string enterprise = stream["compliance-".Length..dash];
            int year = int.Parse(stream[(dash + 1)..], CultureInfo.InvariantCulture);
            foreach (SurrenderRequested pending in (await LoadAsync(enterprise, year, ct)).Pending.Values.ToList())
            {
                await MoveAsync(enterprise, year, pending, ct);
                resumed++;
            }
        }

        return resumed;
    }

    private async Task MoveAsync(string enterprise, int year, SurrenderRequested requested, CancellationToken ct)
    {
        ComplianceRecord record = await LoadAsync(enterprise, year, ct);
        if (!record.Pending.ContainsKey(requested.RequestId))
        {
            return; // completed meanwhile (a concurrent resume)
        }

        string key = LedgerKey(enterprise, year, requested.RequestId);
        LedgerCommand move = requested.Forced
            ? new ForceSurrenderUnits(IdempotencyKey.Of(key), requested.Actor, record.Obligation!.Account,
                requested.Instrument, Co2e.FromTonnes(requested.Tonnes), Vintage.Of(year), requested.FreezeId)
            : new SurrenderUnits(IdempotencyKey.Of(key), requested.Actor, record.Obligation!.Account,
                requested.Instrument, Co2e.FromTonnes(requested.Tonnes), Vintage.Of(year), requested.Serials);
        CommandResult moved = await _engine.SubmitAsync(move, StreamOf(enterprise, year), ct);
        CompleteSurrender completion;
        if (moved.Outcome.IsAccepted)
        {
            IReadOnlyList<SerialRange> serials = moved.Event switch
            {
                UnitsSurrendered u => u.Serials,
                UnitsForceSurrendered f => f.Serials,
                _ => await _journal.SurrenderedSerialsAsync(key, ct),
            };
            completion = new CompleteSurrender(requested.RequestId, true, moved.Outcome.Sequence, [.. serials], 0, "",
                s_host, default);
        }
        else
        {
            LedgerRejection why = moved.Outcome.Rejection;
            completion = new CompleteSurrender(requested.RequestId, false, 0, [], (int)why, why.ToString(), s_host,
                default);
        }

        ComplianceContext context = ContextFor(year);
        await _streams.StepAsync(StreamOf(enterprise, year), key + "-done", completion, events =>
        {
            ComplianceDecision decision = ComplianceDecider.Decide(
                Fold(events), completion with { At = _clock.GetCurrentInstant() }, context);
            return (decision.Rejection, decision.Events.Cast<object>().ToList());
        }, ComplianceRejection.IdempotencyKeyConflict, ct);
    }

    /// <summary>An offset's project comes from the journal (its issuance), never from the caller.</summary>
    private async Task<ComplianceCommand> WithProjectAsync(
        ComplianceCommand command, ComplianceContext context, CancellationToken ct)
    {
        if (command is not RequestSurrender { Serials: { } block } request
            || !context.Rules.IsOffsetProgramme(request.Instrument.Programme))
        {
            return command;
        }

        IReadOnlyList<string> projects = await _journal.ProjectsAsync(request.Instrument, block, ct);
        string project = projects.FirstOrDefault(context.CoveredProjects.Contains)
            ?? (projects.Count > 0 ? projects[0] : "(never issued)");
        return request with { Project = project };
    }

    private ComplianceContext ContextFor(int year) => _rules.TryComplianceFor(year, out ComplianceContext context)
        ? context
        : throw new ArgumentException(
            string.Create(CultureInfo.InvariantCulture, $"the rule book has no compliance rules for {year}"));

    private static ComplianceRecord Fold(IReadOnlyList<object> events) =>
        ComplianceRecord.Replay(events.Cast<ComplianceEvent>());
}
