using System.Globalization;
using System.Numerics;

namespace CarbonLedger.Domain.Quantities;

/// <summary>
/// An exact decimal number: <see cref="Units"/> × 10<sup>−<see cref="Scale"/></sup>, for the measured and
/// published parameters of MRV and allocation (21.000 GJ/t, 0.02600 tC/GJ, 0.99, 0.5703 tCO2/MWh, 70 %).
/// Parsed from and printed as the text a regulator publishes, with its digits kept (21.000 stays 21.000, so a
/// trace shows the precision that was reported). Never floating point: products are taken exactly (see
/// <see cref="Product"/>) and rounded once, to the gram, where a rule says so.
/// </summary>
public readonly record struct Scaled
{
    /// <summary>The most decimal places accepted (a parameter finer than 10⁻⁹ is a data error).</summary>
    public const int MaxScale = 9;

    private Scaled(long units, int scale)
    {
        Units = units;
        Scale = scale;
    }

    /// <summary>The digits as an integer (21.000 → 21000).</summary>
    public long Units { get; }

    /// <summary>The number of decimal places (21.000 → 3).</summary>
    public int Scale { get; }

    /// <summary>True when the value is below zero.</summary>
    public bool IsNegative => Units < 0;

    /// <summary>True when the value is zero.</summary>
    public bool IsZero => Units == 0;

    /// <summary>A whole number.</summary>
    public static Scaled Whole(long value) => new(value, 0);

    /// <summary>A value from its digits and decimal places; throws for a scale outside [0, 9].</summary>
    public static Scaled Of(long units, int scale)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(scale);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(scale, MaxScale);
        return new Scaled(units, scale);
    }

    /// <summary>
    /// Parses invariant text such as <c>21.000</c>, <c>-3</c> or <c>0.5703</c>; throws on anything else.
    /// </summary>
    public static Scaled Parse(string text) => TryParse(text, out Scaled value)
        ? value
        : throw new FormatException($"'{text}' is not a decimal number with at most {MaxScale} decimal places");

    /// <summary>
    /// Parses an optional minus sign, digits and at most one decimal point with up to <see cref="MaxScale"/>
    /// digits after it. No exponent, no thousands separators, no spaces: the text is a record, not a guess.
    /// </summary>
    public static bool TryParse(string? text, out Scaled value)
    {
        value = default;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        bool negative = text[0] == '-';
        ReadOnlySpan<char> body = negative ? text.AsSpan(1) : text.AsSpan();
        int dot = body.IndexOf('.');
        ReadOnlySpan<char> whole = dot < 0 ? body : body[..dot];
        ReadOnlySpan<char> fraction = dot < 0 ? [] : body[(dot + 1)..];
        if (whole.IsEmpty || (dot >= 0 && fraction.IsEmpty) || fraction.Length > MaxScale
            || !IsDigits(whole) || !IsDigits(fraction)
            || !long.TryParse(string.Concat(whole, fraction), NumberStyles.None, CultureInfo.InvariantCulture,
                out long units))
        {
            return false;
        }

        value = new Scaled(negative ? -units : units, fraction.Length);
        return true;
    }

    /// <summary>
    /// The exact product of <paramref name="factors"/> as a fraction numerator / 10^(sum of scales), for a
    /// caller that rounds once at the end.
    /// </summary>
    public static (BigInteger Numerator, BigInteger Denominator) Product(params ReadOnlySpan<Scaled> factors)
    {
        BigInteger numerator = BigInteger.One;
        int scale = 0;
        foreach (Scaled f in factors)
        {
            numerator *= f.Units;
            scale += f.Scale;
        }

        return (numerator, BigInteger.Pow(10, scale));
    }

    /// <summary>The exact difference, at the larger of the two scales (checked: overflow throws).</summary>
    public static Scaled operator -(Scaled left, Scaled right)
    {
        int scale = Math.Max(left.Scale, right.Scale);
        return new Scaled(checked(left.Rescaled(scale) - right.Rescaled(scale)), scale);
    }

    /// <summary>Compares the values (0.70 and 0.7 are equal in value, not as records).</summary>
    public int CompareValue(Scaled other)
    {
        int scale = Math.Max(Scale, other.Scale);
        BigInteger a = Units * BigInteger.Pow(10, scale - Scale);
        BigInteger b = other.Units * BigInteger.Pow(10, scale - other.Scale);
        return a.CompareTo(b);
    }

    /// <summary>The text with every reported digit (<c>21.000</c>).</summary>
    public override string ToString()
    {
        if (Scale == 0)
        {
            return Units.ToString(CultureInfo.InvariantCulture);
        }

        string digits = BigInteger.Abs(Units).ToString(CultureInfo.InvariantCulture).PadLeft(Scale + 1, '0');
        string sign = Units < 0 ? "-" : "";
        return $"{sign}{digits[..^Scale]}.{digits[^Scale..]}";
    }

    /// <summary>The digits at a larger <paramref name="scale"/> (checked).</summary>
    private long Rescaled(int scale)
    {
        long units = Units;
        for (int i = Scale; i < scale; i++)
        {
            units = checked(units * 10);
        }

        return units;
    }

    private static bool IsDigits(ReadOnlySpan<char> s)
    {
        foreach (char c in s)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return true;
    }
}
