using CarbonLedger.Domain.Compliance;
using CarbonLedger.Domain.Mrv;
using NodaTime;

namespace CarbonLedger.Engine.Workflows;

/// <summary>
/// Emission reports on Marten streams (<c>report-{enterprise}-{year}</c>): each step is read, decided by
/// <see cref="ReportDecider"/> under the year's <see cref="MrvContext"/>, and appended with optimistic
/// concurrency; steps are idempotent by the caller's key. The service stamps each command with its clock.
/// </summary>
public sealed class EmissionReports
{
    private readonly WorkflowStreams _streams;
    private readonly ComplianceRuleBook _rules;
    private readonly IClock _clock;

    internal EmissionReports(WorkflowStreams streams, ComplianceRuleBook rules, IClock clock)
    {
        _streams = streams;
        _rules = rules;
        _clock = clock;
    }

    /// <summary>The stream of <paramref name="enterprise"/>'s report for <paramref name="year"/>.</summary>
    public static string StreamOf(string enterprise, int year) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"report-{enterprise}-{year}");

    /// <summary>
    /// Runs <paramref name="command"/> (its <c>At</c> is replaced by the clock) on the report of
    /// <paramref name="enterprise"/> for <paramref name="year"/> under the idempotency key <paramref name="key"/>.
    /// </summary>
    public Task<WorkflowResult<MrvRejection>> ExecuteAsync(
        string enterprise, int year, ReportCommand command, string key, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(enterprise);
        ArgumentNullException.ThrowIfNull(command);
        ReportCommand given = command with { At = default };
        MrvContext context = _rules.MrvFor(year);
        return _streams.StepAsync(StreamOf(enterprise, year), key, given, events =>
        {
            ReportCommand stamped = given with { At = _clock.GetCurrentInstant() };
            ReportDecision decision = ReportDecider.Decide(Fold(events), stamped, context);
            return (decision.Rejection, decision.Events.Cast<object>().ToList());
        }, MrvRejection.IdempotencyKeyConflict, ct);
    }

    /// <summary>The report of <paramref name="enterprise"/> for <paramref name="year"/> (empty when none).</summary>
    public async Task<EmissionReport> LoadAsync(string enterprise, int year, CancellationToken ct = default) =>
        Fold((await _streams.ReadAsync(StreamOf(enterprise, year), ct)).Select(e => e.Data).ToList());

    /// <summary>The enterprises with a report stream for <paramref name="year"/>.</summary>
    public async Task<IReadOnlyList<string>> EnterprisesAsync(int year, CancellationToken ct = default)
    {
        string suffix = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"-{year}");
        return (await _streams.StreamsAsync("report-", ct))
            .Where(s => s.EndsWith(suffix, StringComparison.Ordinal))
            .Select(s => s["report-".Length..^suffix.Length])
            .ToList();
    }

    private static EmissionReport Fold(IReadOnlyList<object> events) =>
        EmissionReport.Replay(events.Cast<ReportEvent>());
}
