using System.Globalization;

namespace CarbonLedger.Domain.Quantities;

/// <summary>
/// The year a unit belongs to (allowance vintage, credit vintage, compliance year). Validated on
/// construction so that no other code needs to check the range again.
/// </summary>
public readonly record struct Vintage : IComparable<Vintage>
{
    /// <summary>
    /// The earliest year accepted (the first Chinese pilot ETS started in 2013; CDM credits earlier).
    /// </summary>
    public const int MinYear = 2005;

    /// <summary>The latest year accepted.</summary>
    public const int MaxYear = 2100;

    private Vintage(int year) => Year = year;

    /// <summary>The calendar year.</summary>
    public int Year { get; }

    /// <summary>
    /// Creates a vintage, throwing for a year outside [<see cref="MinYear"/>, <see cref="MaxYear"/>].
    /// </summary>
    public static Vintage Of(int year)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, MinYear);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, MaxYear);
        return new Vintage(year);
    }

    /// <summary>Tries to create a vintage without throwing.</summary>
    public static bool TryOf(int year, out Vintage vintage)
    {
        vintage = year is >= MinYear and <= MaxYear ? new Vintage(year) : default;
        return year is >= MinYear and <= MaxYear;
    }

    /// <inheritdoc />
    public int CompareTo(Vintage other) => Year.CompareTo(other.Year);

    /// <summary>Compares by year.</summary>
    public static bool operator <(Vintage left, Vintage right) => left.Year < right.Year;

    /// <summary>Compares by year.</summary>
    public static bool operator >(Vintage left, Vintage right) => left.Year > right.Year;

    /// <summary>Compares by year.</summary>
    public static bool operator <=(Vintage left, Vintage right) => left.Year <= right.Year;

    /// <summary>Compares by year.</summary>
    public static bool operator >=(Vintage left, Vintage right) => left.Year >= right.Year;

    /// <summary>The four-digit year.</summary>
    public override string ToString() => Year.ToString(CultureInfo.InvariantCulture);
}
