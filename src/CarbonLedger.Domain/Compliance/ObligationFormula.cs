using System.Numerics;
using CarbonLedger.Domain.Quantities;

namespace CarbonLedger.Domain.Compliance;

/// <summary>
/// The compliance arithmetic of domain.md §4.4–4.5 and §10.4, in whole tonnes: the obligation (verified
/// emissions, capped at allocation + gap-cap share × verified where the year has a gap cap), the offset cap
/// (share × obligation, rounded <b>down</b>: a cap is never exceeded by rounding), the gap and its rate, the
/// borrowing limit and the banking limit.
/// </summary>
public static class ObligationFormula
{
    /// <summary>The tonnes due for <paramref name="verifiedTonnes"/> under <paramref name="rules"/>.</summary>
    public static long Obligation(ComplianceRules rules, long verifiedTonnes, long allocationTonnes)
    {
        ArgumentNullException.ThrowIfNull(rules);
        if (rules.GapCapShare is not { } share)
        {
            return verifiedTonnes;
        }

        (BigInteger n, BigInteger d) = Scaled.Product(share, Scaled.Whole(verifiedTonnes));
        long cap = checked(allocationTonnes + (long)BigInteger.Divide(n, d));
        return Math.Min(verifiedTonnes, cap);
    }

    /// <summary>The most offsets that may count against <paramref name="obligationTonnes"/> (rounded down).</summary>
    public static long OffsetCap(ComplianceRules rules, long obligationTonnes)
    {
        ArgumentNullException.ThrowIfNull(rules);
        (BigInteger n, BigInteger d) = Scaled.Product(rules.OffsetCapShare, Scaled.Whole(obligationTonnes));
        return (long)BigInteger.Divide(n, d);
    }

    /// <summary>Verified minus allocation, never below zero.</summary>
    public static long Gap(long verifiedTonnes, long allocationTonnes) =>
        Math.Max(0, checked(verifiedTonnes - allocationTonnes));

    /// <summary>The gap rate in basis points, half-up (270,000 of 1,980,000 → 1,364 bp, 13.64 %).</summary>
    public static long GapRateBasisPoints(long verifiedTonnes, long allocationTonnes) => verifiedTonnes <= 0
        ? 0
        : Rounding.MultiplyDivideHalfUp(Gap(verifiedTonnes, allocationTonnes), 10_000, verifiedTonnes);

    /// <summary>
    /// The most that may be borrowed from next year's pre-allocation (2021/22, domain.md §4.4): when the gap
    /// rate is at least <paramref name="minimumGapRate"/>, <paramref name="shareOfGap"/> × gap rounded down;
    /// otherwise nothing.
    /// </summary>
    public static long BorrowingLimit(
        long verifiedTonnes, long allocationTonnes, Scaled minimumGapRate, Scaled shareOfGap)
    {
        long gap = Gap(verifiedTonnes, allocationTonnes);
        if (gap == 0)
        {
            return 0;
        }

        // gap / verified ≥ minimum  ⇔  gap × 10^s ≥ minimum.Units × verified (exact).
        bool eligible = (BigInteger)gap * BigInteger.Pow(10, minimumGapRate.Scale)
            >= (BigInteger)minimumGapRate.Units * verifiedTonnes;
        if (!eligible)
        {
            return 0;
        }

        (BigInteger n, BigInteger d) = Scaled.Product(shareOfGap, Scaled.Whole(gap));
        return (long)BigInteger.Divide(n, d);
    }

    /// <summary>
    /// The bankable carry-over (2023–24 plan, domain.md §4.4): base + multiple × max(0, net sales), rounded
    /// down (10,000 + 1.5 × 40,000 = 70,000; a net buyer gets the base).
    /// </summary>
    public static long BankingLimit(long baseTonnes, Scaled netSalesMultiple, long netSalesTonnes)
    {
        (BigInteger n, BigInteger d) = Scaled.Product(netSalesMultiple, Scaled.Whole(Math.Max(0, netSalesTonnes)));
        return checked(baseTonnes + (long)BigInteger.Divide(n, d));
    }
}
