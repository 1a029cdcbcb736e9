using CarbonLedger.Domain.Quantities;

namespace CarbonLedger.Domain.Registry;

/// <summary>
/// Every bound of the registry core in one place, each with its reason (TigerBeetle: put a limit on
/// everything). The limits keep every sum far inside <see cref="long"/>, so overflow cannot happen in
/// valid use; checked arithmetic still catches a bug.
/// </summary>
public sealed record LedgerLimits
{
    /// <summary>Default limits.</summary>
    public static LedgerLimits Default { get; } = new();

    /// <summary>
    /// 10⁹ t per command: above the whole national ETS annual cap (~5 × 10⁹ t is the national total, no
    /// single entity holds more than a few 10⁸ t), so a larger number is a typo or an attack.
    /// </summary>
    public Co2e MaxQuantityPerCommand { get; init; } = Co2e.FromTonnes(1_000_000_000);

    /// <summary>
    /// 10¹¹ t per instrument: 20× the national annual cap; keeps the sum of all holdings of one
    /// instrument (in grams) at 10¹⁷, far below <see cref="long.MaxValue"/> (9.2 × 10¹⁸).
    /// </summary>
    public Co2e MaxSupplyPerInstrument { get; init; } = Co2e.FromTonnes(100_000_000_000);

    /// <summary>Free-text fields (reasons, beneficiaries, purposes) up to 256 characters: enough for a
    /// court order reference or a certificate line, short enough to keep events small.</summary>
    public int MaxTextLength { get; init; } = 256;

    /// <summary>Initial capacity of the idempotency table; sized up front so that the hot path does not
    /// reallocate in steady state (it still grows if exceeded).</summary>
    public int IdempotencyCapacity { get; init; } = 1 << 16;

    /// <summary>Initial capacity of the account and position tables.</summary>
    public int AccountCapacity { get; init; } = 1 << 12;

    /// <summary>
    /// 10¹³ fen (CNY 100 billion) per deposit or withdrawal: far above any entity's trading cash, and it keeps
    /// the sum of all cash far inside <see cref="long"/> for any realistic number of deposits.
    /// </summary>
    public Money MaxCashPerCommand { get; init; } = Money.FromFen(10_000_000_000_000);

    /// <summary>
    /// 10⁹ fen per tonne (CNY 10 million a tonne) for any price a command names: far above any carbon price, and
    /// it keeps price × the largest quantity (10⁹ t) inside <see cref="long"/>, so no value or hold can overflow.
    /// </summary>
    public Quantities.Price MaxPrice { get; init; } = Quantities.Price.FromFenPerTonne(1_000_000_000);

    /// <summary>Initial capacity of the live-order registry and of each book's pool (grows if exceeded).</summary>
    public int OrderCapacity { get; init; } = 1 << 12;
}
