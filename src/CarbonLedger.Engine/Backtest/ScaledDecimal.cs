namespace CarbonLedger.Engine.Backtest;

/// <summary>
/// A decimal text read exactly into whole units of 10^-scale (fen for prices, grams for quantities), with
/// integer arithmetic only: no floating point ever touches a ledger amount.
/// </summary>
/// <param name="Units">The value in units, truncated toward zero when digits below the unit were given.</param>
/// <param name="HasRemainder">True when a non-zero digit lies below the unit (e.g. <c>80.005</c> at scale 2).</param>
/// <param name="IsNegative">True when the text carried a minus sign (kept apart so <c>-0.005</c> is negative).</param>
public readonly record struct ScaledDecimal(long Units, bool HasRemainder, bool IsNegative)
{
    /// <summary>True when the exact value is greater than zero.</summary>
    public bool IsPositive => !IsNegative && (Units > 0 || HasRemainder);

    /// <summary>
    /// Parses <c>[-]digits[.digits]</c> (ASCII digits, no exponent, no thousands separator, no leading
    /// <c>+</c>) at <paramref name="scale"/> decimals. Digits beyond the scale may be given; they set
    /// <see cref="ScaledDecimal.HasRemainder"/> when any is non-zero.
    /// </summary>
    public static ScaledDecimalStatus TryParse(ReadOnlySpan<char> text, int scale, out ScaledDecimal value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(scale);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(scale, 18);
        value = default;
        bool negative = text.Length > 0 && text[0] == '-';
        int i = negative ? 1 : 0;
        int wholeStart = i;
        long units = 0;
        for (; i < text.Length && char.IsAsciiDigit(text[i]); i++)
        {
            if (!TryAppendDigit(ref units, text[i] - '0'))
            {
                return ScaledDecimalStatus.OutOfRange;
            }
        }

        if (i == wholeStart)
        {
            return ScaledDecimalStatus.NotANumber;
        }

        int fractionDigits = 0;
        bool remainder = false;
        if (i < text.Length)
        {
            if (text[i] != '.' || i + 1 == text.Length)
            {
                return ScaledDecimalStatus.NotANumber;
            }

            for (i++; i < text.Length; i++, fractionDigits++)
            {
                if (!char.IsAsciiDigit(text[i]))
                {
                    return ScaledDecimalStatus.NotANumber;
                }

                if (fractionDigits < scale)
                {
                    if (!TryAppendDigit(ref units, text[i] - '0'))
                    {
                        return ScaledDecimalStatus.OutOfRange;
                    }
                }
                else
                {
                    remainder |= text[i] != '0';
                }
            }
        }

        for (; fractionDigits < scale; fractionDigits++)
        {
            if (!TryAppendDigit(ref units, 0))
            {
                return ScaledDecimalStatus.OutOfRange;
            }
        }

        value = new ScaledDecimal(negative ? -units : units, remainder, negative);
        return ScaledDecimalStatus.Parsed;
    }

    /// <summary>units = units × 10 + digit, refusing to leave the non-negative range of a long.</summary>
    private static bool TryAppendDigit(ref long units, int digit)
    {
        if (units > (long.MaxValue - digit) / 10)
        {
            return false;
        }

        units = (units * 10) + digit;
        return true;
    }
}

/// <summary>The outcome of <see cref="ScaledDecimal.TryParse"/>.</summary>
public enum ScaledDecimalStatus
{
    /// <summary>The text is a decimal number that fits.</summary>
    Parsed = 1,

    /// <summary>The text is not of the form <c>[-]digits[.digits]</c>.</summary>
    NotANumber = 2,

    /// <summary>The number does not fit a 64-bit count of units.</summary>
    OutOfRange = 3,
}
