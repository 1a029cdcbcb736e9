using System.Globalization;

namespace CarbonLedger.Domain.Quantities;

/// <summary>
/// A price in <b>fen per tonne</b> in a <see cref="long"/>: the exchange tick is 0.01 CNY per tonne, so
/// every valid price is a whole number of fen per tonne.
/// </summary>
public readonly record struct Price(long FenPerTonne) : IComparable<Price>
{
    /// <summary>Whole fen per tonne.</summary>
    public static Price FromFenPerTonne(long fenPerTonne) => new(fenPerTonne);

    /// <summary>Whole yuan per tonne (checked).</summary>
    public static Price FromYuanPerTonne(long yuan) => new(checked(yuan * Money.FenPerYuan));

    /// <summary>
    /// The value of <paramref name="quantity"/> at this price: fen/t × g ÷ 10⁶, rounded half-up to the fen
    /// (exact for whole tonnes, which is every registry quantity).
    /// </summary>
    public Money ValueOf(Co2e quantity) =>
        new(Rounding.MultiplyDivideHalfUp(FenPerTonne, quantity.Grams, Co2e.GramsPerTonne));

    /// <summary>Compares by fen per tonne.</summary>
    public static bool operator <(Price left, Price right) => left.FenPerTonne < right.FenPerTonne;

    /// <summary>Compares by fen per tonne.</summary>
    public static bool operator >(Price left, Price right) => left.FenPerTonne > right.FenPerTonne;

    /// <summary>Compares by fen per tonne.</summary>
    public static bool operator <=(Price left, Price right) => left.FenPerTonne <= right.FenPerTonne;

    /// <summary>Compares by fen per tonne.</summary>
    public static bool operator >=(Price left, Price right) => left.FenPerTonne >= right.FenPerTonne;

    /// <inheritdoc />
    public int CompareTo(Price other) => FenPerTonne.CompareTo(other.FenPerTonne);

    /// <summary>Yuan per tonne with two decimals, e.g. <c>81.20/t</c>.</summary>
    public override string ToString()
    {
        long abs = Math.Abs(FenPerTonne);
        string sign = FenPerTonne < 0 ? "-" : "";
        return string.Create(CultureInfo.InvariantCulture, $"{sign}{abs / 100}.{abs % 100:D2}/t");
    }
}
