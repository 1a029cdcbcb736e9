using System.Collections.Immutable;
using NodaTime;

namespace CarbonLedger.Domain.Mrv;

/// <summary>
/// The emission-factor library: every version of every published parameter, effective by publication date.
/// A lookup names the kind, subject and reporting year and the date the calculation is made; it gets the
/// latest version published on or before that date. Versions are only ever added, so a replay that passes
/// the original date gets the original factor.
/// </summary>
public sealed class FactorLibrary
{
    private readonly ImmutableDictionary<(FactorKind, string, int), ImmutableArray<EmissionFactor>> _versions;
    private readonly ImmutableDictionary<string, EmissionFactor> _byId;

    private FactorLibrary(
        ImmutableDictionary<(FactorKind, string, int), ImmutableArray<EmissionFactor>> versions,
        ImmutableDictionary<string, EmissionFactor> byId)
    {
        _versions = versions;
        _byId = byId;
    }

    /// <summary>A library with no factors.</summary>
    public static FactorLibrary Empty { get; } = new(
        ImmutableDictionary<(FactorKind, string, int), ImmutableArray<EmissionFactor>>.Empty,
        ImmutableDictionary<string, EmissionFactor>.Empty);

    /// <summary>Every version, in id order (for listings and exports).</summary>
    public IEnumerable<EmissionFactor> All => _byId.Values.OrderBy(f => f.Id, StringComparer.Ordinal);

    /// <summary>
    /// A new library with <paramref name="factor"/> added. It must be the next version of its series
    /// (1 for a new one) and not published before the version it corrects; the value must not be negative.
    /// </summary>
    public FactorLibrary With(EmissionFactor factor)
    {
        ArgumentNullException.ThrowIfNull(factor);
        ArgumentException.ThrowIfNullOrWhiteSpace(factor.Subject);
        ArgumentException.ThrowIfNullOrWhiteSpace(factor.Source);
        if (factor.Value.IsNegative)
        {
            throw new ArgumentException($"{factor.Id}: a factor cannot be negative", nameof(factor));
        }

        var key = (factor.Kind, factor.Subject, factor.ReportingYear);
        ImmutableArray<EmissionFactor> series = _versions.TryGetValue(key, out var existing) ? existing : [];
        int expected = series.Length + 1;
        if (factor.Version != expected)
        {
            throw new ArgumentException($"{factor.Id}: the next version of this series is {expected}", nameof(factor));
        }

        if (series.Length > 0 && factor.PublishedOn < series[^1].PublishedOn)
        {
            throw new ArgumentException($"{factor.Id}: published before the version it corrects", nameof(factor));
        }

        return new FactorLibrary(_versions.SetItem(key, series.Add(factor)), _byId.Add(factor.Id, factor));
    }

    /// <summary>
    /// The version of (<paramref name="kind"/>, <paramref name="subject"/>, <paramref name="reportingYear"/>)
    /// in force on <paramref name="asOf"/>: the latest published on or before it. False when none was.
    /// </summary>
    public bool TryFind(FactorKind kind, string subject, int reportingYear, LocalDate asOf, out EmissionFactor factor)
    {
        factor = null!;
        if (!_versions.TryGetValue((kind, subject, reportingYear), out var series))
        {
            return false;
        }

        for (int i = series.Length - 1; i >= 0; i--)
        {
            if (series[i].PublishedOn <= asOf)
            {
                factor = series[i];
                return true;
            }
        }

        return false;
    }

    /// <summary>The factor version with this id, as a trace recorded it.</summary>
    public bool TryGet(string id, out EmissionFactor factor) => _byId.TryGetValue(id, out factor!);
}
