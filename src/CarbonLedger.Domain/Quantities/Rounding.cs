using System.Numerics;

namespace CarbonLedger.Domain.Quantities;

/// <summary>
/// The one place where CarbonLedger divides. Every division of quantities or money in the product goes
/// through one of these methods, so each rounding is named and documented here, never implied by the
/// C# <c>/</c> operator (which truncates toward zero and would silently favour one side).
/// Intermediate products are computed in <see cref="Int128"/>, so <c>a × b / d</c> never overflows for
/// any two <see cref="long"/> factors; the result is checked back into a <see cref="long"/>.
/// </summary>
public static class Rounding
{
    /// <summary>
    /// a × b / d rounded half away from zero ("half-up" for the non-negative amounts of a ledger):
    /// the default for money (architecture §5: half-up to the fen unless a rule says otherwise).
    /// </summary>
    public static long MultiplyDivideHalfUp(long a, long b, long d)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(d);
        Int128 product = (Int128)a * b;
        Int128 quotient = Int128.DivRem(product, d).Quotient;
        Int128 remainder = product - (quotient * d);
        if (Int128.Abs(remainder) * 2 >= d)
        {
            quotient += Int128.Sign(product);
        }

        return checked((long)quotient);
    }

    /// <summary>a × b / d rounded toward negative infinity (used for upper price-band bounds).</summary>
    public static long MultiplyDivideFloor(long a, long b, long d)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(d);
        Int128 product = (Int128)a * b;
        Int128 quotient = Int128.DivRem(product, d).Quotient;
        if (product % d != 0 && product < 0)
        {
            quotient -= 1;
        }

        return checked((long)quotient);
    }

    /// <summary>a × b / d rounded toward positive infinity (used for lower price-band bounds).</summary>
    public static long MultiplyDivideCeiling(long a, long b, long d)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(d);
        Int128 product = (Int128)a * b;
        Int128 quotient = Int128.DivRem(product, d).Quotient;
        if (product % d != 0 && product > 0)
        {
            quotient += 1;
        }

        return checked((long)quotient);
    }

    /// <summary>
    /// Splits <paramref name="amount"/> into whole units of <paramref name="unit"/> and a non-negative
    /// remainder (floor division): used where grams become whole tonnes and the rest is carried
    /// (碳普惠 issuance), so that whole × unit + remainder == amount exactly.
    /// </summary>
    public static (long Whole, long Remainder) SplitWhole(long amount, long unit)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(unit);
        long whole = amount / unit;
        long remainder = amount % unit;
        if (remainder < 0)
        {
            whole -= 1;
            remainder += unit;
        }

        return (whole, remainder);
    }

    /// <summary>
    /// numerator / denominator rounded half away from zero, for exact products of <see cref="Scaled"/>
    /// parameters (MRV, allocation): one rounding, at the end, to the unit the caller counts in. Throws
    /// <see cref="OverflowException"/> when the result does not fit a <see cref="long"/>.
    /// </summary>
    public static long DivideHalfUp(BigInteger numerator, BigInteger denominator)
    {
        if (denominator.Sign <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(denominator), denominator, "must be positive");
        }

        BigInteger quotient = BigInteger.DivRem(numerator, denominator, out BigInteger remainder);
        if (BigInteger.Abs(remainder) * 2 >= denominator)
        {
            quotient += numerator.Sign;
        }

        return (long)quotient;
    }
}
