using System.Globalization;

namespace CarbonLedger.Domain.Quantities;

/// <summary>
/// An amount of renminbi counted in whole <b>fen</b> (0.01 CNY) in a <see cref="long"/>. The fen is the
/// smallest unit of settlement, so no amount ever needs a fraction of one; divisions that produce money
/// go through <see cref="Rounding"/>.
/// </summary>
public readonly record struct Money(long Fen) : IComparable<Money>
{
    /// <summary>Fen in one yuan.</summary>
    public const long FenPerYuan = 100;

    /// <summary>Nothing.</summary>
    public static Money Zero => default;

    /// <summary>Whole yuan (checked).</summary>
    public static Money FromYuan(long yuan) => new(checked(yuan * FenPerYuan));

    /// <summary>Whole fen.</summary>
    public static Money FromFen(long fen) => new(fen);

    /// <summary>Adds (checked).</summary>
    public static Money operator +(Money left, Money right) => new(checked(left.Fen + right.Fen));

    /// <summary>Subtracts (checked).</summary>
    public static Money operator -(Money left, Money right) => new(checked(left.Fen - right.Fen));

    /// <summary>Compares by fen.</summary>
    public static bool operator <(Money left, Money right) => left.Fen < right.Fen;

    /// <summary>Compares by fen.</summary>
    public static bool operator >(Money left, Money right) => left.Fen > right.Fen;

    /// <summary>Compares by fen.</summary>
    public static bool operator <=(Money left, Money right) => left.Fen <= right.Fen;

    /// <summary>Compares by fen.</summary>
    public static bool operator >=(Money left, Money right) => left.Fen >= right.Fen;

    /// <inheritdoc />
    public int CompareTo(Money other) => Fen.CompareTo(other.Fen);

    /// <summary>Yuan with two decimals, e.g. <c>CNY 1234.56</c>.</summary>
    public override string ToString()
    {
        long abs = Math.Abs(Fen);
        string sign = Fen < 0 ? "-" : "";
        return string.Create(CultureInfo.InvariantCulture, $"CNY {sign}{abs / FenPerYuan}.{abs % FenPerYuan:D2}");
    }
}
