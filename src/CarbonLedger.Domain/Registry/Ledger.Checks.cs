using CarbonLedger.Domain.Accounts;
using CarbonLedger.Domain.Credits;
using CarbonLedger.Domain.Quantities;
using static CarbonLedger.Domain.Registry.LedgerRejection;

namespace CarbonLedger.Domain.Registry;

public sealed partial class Ledger
{
    private LedgerRejection CheckQuantity(Co2e quantity)
    {
        if (quantity.Grams <= 0)
        {
            return QuantityMustBePositive;
        }

        if (!quantity.IsWholeTonnes)
        {
            return QuantityMustBeWholeTonnes;
        }

        return quantity > _limits.MaxQuantityPerCommand ? QuantityExceedsLimit : None;
    }

    private LedgerRejection CheckSerialRange(SerialRange range)
    {
        return !range.IsValid || range.Count > _limits.MaxQuantityPerCommand.WholeTonnes
            ? SerialRangeInvalid
            : None;
    }

    /// <summary>Rules 201–205 for a movement of <paramref name="quantity"/> optionally naming serials.</summary>
    private LedgerRejection CheckMovement(Co2e quantity, SerialRange? serials)
    {
        LedgerRejection r = CheckQuantity(quantity);
        if (r != None || serials is not { } range)
        {
            return r;
        }

        r = CheckSerialRange(range);
        if (r != None)
        {
            return r;
        }

        return Co2e.FromTonnes(range.Count) != quantity ? SerialRangeQuantityMismatch : None;
    }

    private bool TooLong(string? text) => text is not null && text.Length > _limits.MaxTextLength;

    private static bool Missing(string? text) => string.IsNullOrWhiteSpace(text);

    private LedgerRejection CheckSubjectOpen(int account)
    {
        return _accounts[account].Status switch
        {
            AccountStatus.Closed => AccountIsClosed,
            AccountStatus.Suspended => AccountIsSuspended,
            _ => None,
        };
    }

    /// <summary>Rules 701–704 for a source and a destination, in precedence order.</summary>
    private LedgerRejection CheckBothOpen(int subject, int target)
    {
        if (_accounts[subject].Status == AccountStatus.Closed)
        {
            return AccountIsClosed;
        }

        if (_accounts[target].Status == AccountStatus.Closed)
        {
            return ToAccountIsClosed;
        }

        if (_accounts[subject].Status == AccountStatus.Suspended)
        {
            return AccountIsSuspended;
        }

        return _accounts[target].Status == AccountStatus.Suspended ? ToAccountIsSuspended : None;
    }

    /// <summary>
    /// Rules 901–903: picks the units that leave <paramref name="account"/>'s available bucket. Named
    /// serials must all be held there (901 terminal, 902 not owned); otherwise the quantity must be
    /// available (903) and credits take the lowest serials first.
    /// </summary>
    private LedgerRejection SelectAvailable(int account, int instrument, Co2e quantity, SerialRange? named,
        ref Plan plan)
    {
        SerialBook? book = _instruments[instrument].Serials;
        if (named is { } range)
        {
            Invariants.LedgerAssert.That(book is not null, "named serials on a fungible instrument passed 303");
            if (book.TouchesTerminal(range, IsTerminal))
            {
                return SerialsTerminal;
            }

            if (!book.IsHeld(range, account, Bucket.Available))
            {
                return SerialsNotOwned;
            }

            plan.Serials = [range];
            return None;
        }

        if (AvailableGrams(account, instrument) < quantity.Grams)
        {
            return InsufficientAvailable;
        }

        if (book is not null)
        {
            plan.Serials = book.SelectLowest(account, Bucket.Available, null, quantity.WholeTonnes);
            Invariants.LedgerAssert.That(plan.Serials is not null, "available quantity without serials (I4)");
        }

        return None;
    }
}
