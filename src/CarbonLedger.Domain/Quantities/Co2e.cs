using System.Globalization;

namespace CarbonLedger.Domain.Quantities;

/// <summary>
/// A quantity of carbon dioxide equivalent, counted in whole <b>grams</b> in a <see cref="long"/>.
/// Grams are the smallest unit any rule needs (碳普惠 trips are a few hundred grams), chosen fine from
/// the start so no later feature forces a rescale; a <see cref="long"/> still holds ~9.2 × 10¹² tonnes.
/// Allowances and credits are whole tonnes (1 unit = 1 tCO2e = 1,000,000 g). There is no conversion
/// from floating point, and no product of two quantities.
/// </summary>
public readonly record struct Co2e(long Grams) : IComparable<Co2e>
{
    /// <summary>Grams in one tonne (one allowance or credit unit).</summary>
    public const long GramsPerTonne = 1_000_000;

    /// <summary>Grams in one kilogram.</summary>
    public const long GramsPerKilogram = 1_000;

    /// <summary>No emissions.</summary>
    public static Co2e Zero => default;

    /// <summary>Whole tonnes (checked: overflow throws).</summary>
    public static Co2e FromTonnes(long tonnes) => new(checked(tonnes * GramsPerTonne));

    /// <summary>Whole kilograms (checked: overflow throws).</summary>
    public static Co2e FromKilograms(long kilograms) => new(checked(kilograms * GramsPerKilogram));

    /// <summary>Whole grams.</summary>
    public static Co2e FromGrams(long grams) => new(grams);

    /// <summary>True when the quantity is a whole number of tonnes (the registry's unit).</summary>
    public bool IsWholeTonnes => Grams % GramsPerTonne == 0;

    /// <summary>The whole tonnes; asserts that there is no fractional tonne.</summary>
    public long WholeTonnes
    {
        get
        {
            Invariants.LedgerAssert.That(IsWholeTonnes, "quantity is not a whole number of tonnes");
            return Grams / GramsPerTonne;
        }
    }

    /// <summary>Adds two quantities (checked).</summary>
    public static Co2e operator +(Co2e left, Co2e right) => new(checked(left.Grams + right.Grams));

    /// <summary>Subtracts two quantities (checked).</summary>
    public static Co2e operator -(Co2e left, Co2e right) => new(checked(left.Grams - right.Grams));

    /// <summary>Compares by grams.</summary>
    public static bool operator <(Co2e left, Co2e right) => left.Grams < right.Grams;

    /// <summary>Compares by grams.</summary>
    public static bool operator >(Co2e left, Co2e right) => left.Grams > right.Grams;

    /// <summary>Compares by grams.</summary>
    public static bool operator <=(Co2e left, Co2e right) => left.Grams <= right.Grams;

    /// <summary>Compares by grams.</summary>
    public static bool operator >=(Co2e left, Co2e right) => left.Grams >= right.Grams;

    /// <inheritdoc />
    public int CompareTo(Co2e other) => Grams.CompareTo(other.Grams);

    /// <summary>Tonnes with six decimals in the invariant culture, e.g. <c>12.345678 t</c>.</summary>
    public override string ToString()
    {
        (long whole, long rest) = Rounding.SplitWhole(Grams, GramsPerTonne);
        return whole < 0 && rest != 0
            ? string.Create(CultureInfo.InvariantCulture, $"-{-(whole + 1)}.{GramsPerTonne - rest:D6} t")
            : string.Create(CultureInfo.InvariantCulture, $"{whole}.{rest:D6} t");
    }
}
