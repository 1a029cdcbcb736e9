using CarbonLedger.Domain.Credits;
using CarbonLedger.Domain.Exchange;
using CarbonLedger.Domain.Identity;
using CarbonLedger.Domain.Instruments;
using CarbonLedger.Domain.Registry;
using Xunit;

namespace CarbonLedger.Testing.Reference;

/// <summary>
/// Compares the real <see cref="Ledger"/> with the <see cref="ReferenceLedger"/> through their public views.
/// Every failure message starts with the caller's context (seed, step, command) so it reproduces.
/// </summary>
public static class LedgerComparison
{
    private static readonly IReadOnlyList<SerialRange> s_noSerials = [];

    /// <summary>Asserts that both ledgers hold the same state. Serial holdings are compared per serial
    /// (canonical blocks, see <see cref="CanonicalSerials"/>) when <paramref name="includeSerials"/>.</summary>
    public static void AssertSameState(Ledger actual, ReferenceLedger expected, string context, bool includeSerials)
    {
        ArgumentNullException.ThrowIfNull(actual);
        ArgumentNullException.ThrowIfNull(expected);
        Require(actual.Sequence == expected.Sequence,
            () => $"{context}: sequence is {actual.Sequence}, oracle says {expected.Sequence}");
        Require(actual.RememberedKeys == expected.RememberedKeys,
            () => $"{context}: remembers {actual.RememberedKeys} keys, oracle {expected.RememberedKeys}");
        SameList("accounts", context,
            expected.AllAccounts().OrderBy(a => a.Id).ToList(),
            actual.AllAccounts().OrderBy(a => a.Id).ToList());
        SameList("instruments", context,
            expected.AllInstruments().OrderBy(i => i.Id).ToList(),
            actual.AllInstruments().OrderBy(i => i.Id).ToList());
        SameList("freezes with units remaining", context,
            expected.AllFreezes().Where(f => f.Remaining.Grams != 0).OrderBy(f => f.FreezeId, StringComparer.Ordinal)
                .ToList(),
            actual.AllFreezes().Where(f => f.Remaining.Grams != 0).OrderBy(f => f.FreezeId, StringComparer.Ordinal)
                .ToList());

        var keys = new SortedSet<(AccountId, InstrumentId)>();
        keys.UnionWith(expected.AllPositions().Select(p => (p.Account, p.Instrument)));
        keys.UnionWith(actual.AllPositions().Select(p => (p.Account, p.Instrument)));
        foreach ((AccountId account, InstrumentId instrument) in keys)
        {
            Position want = expected.GetPosition(account, instrument);
            Position got = actual.GetPosition(account, instrument);
            Require(want == got, () => $"{context}: position {account}/{instrument} is {got}, oracle says {want}");
        }

        if (includeSerials)
        {
            SameList("serial holdings (canonical)", context,
                CanonicalSerials.Of(expected.AllSerialHoldings()),
                CanonicalSerials.Of(actual.AllSerialHoldings()));
        }
    }

    /// <summary>Asserts that both hold the same cash, listed orders and block declarations.</summary>
    public static void AssertSameExchange(Ledger actual, ReferenceLedger expected, string context)
    {
        ArgumentNullException.ThrowIfNull(actual);
        ArgumentNullException.ThrowIfNull(expected);
        Require(actual.CashDeposited == expected.CashDeposited && actual.CashWithdrawn == expected.CashWithdrawn,
            () => $"{context}: deposited/withdrawn {actual.CashDeposited}/{actual.CashWithdrawn}, oracle "
                + $"{expected.CashDeposited}/{expected.CashWithdrawn}");
        SameList("cash", context, expected.AllCash().ToList(), actual.AllCash().OrderBy(c => c.Account).ToList());
        SameList("live orders", context, expected.AllLiveOrders().ToList(), actual.AllLiveOrders().ToList());
        SameList("block orders", context, expected.AllBlockOrders().ToList(), actual.AllBlockOrders().ToList());
    }

    /// <summary>Asserts that two events are equal, comparing serial lists element by element.</summary>
    public static void AssertSameEvent(LedgerEvent? expected, LedgerEvent? actual, string context)
    {
        if (expected is null || actual is null)
        {
            Require(expected is null && actual is null,
                () => $"{context}: event is {Describe(actual)}, oracle expects {Describe(expected)}");
            return;
        }

        if (expected is ExchangeEvent)
        {
            Require(EventContent.Same(expected, actual),
                () => $"{context}: event is {ContentText.Of(actual)}, oracle expects {ContentText.Of(expected)}");
            return;
        }

        bool same = WithoutSerials(expected).Equals(WithoutSerials(actual))
            && SerialsOf(expected).SequenceEqual(SerialsOf(actual));
        Require(same, () => $"{context}: event is {Describe(actual)}, oracle expects {Describe(expected)}");
    }

    /// <summary>An event as text, serial ranges included.</summary>
    public static string Describe(LedgerEvent? e) => e is null
        ? "(none)"
        : $"{WithoutSerials(e)} serials [{string.Join(", ", SerialsOf(e))}]";

    /// <summary>The serial ranges an event lists (empty for events without serials).</summary>
    public static IReadOnlyList<SerialRange> SerialsOf(LedgerEvent e) => e switch
    {
        UnitsTransferred t => t.Serials,
        UnitsRetired r => r.Serials,
        UnitsCancelled c => c.Serials,
        UnitsSurrendered s => s.Serials,
        UnitsForceSurrendered s => s.Serials,
        UnitsFrozen f => f.Serials,
        UnitsUnfrozen u => u.Serials,
        _ => s_noSerials,
    };

    /// <summary>Fails with the message when the condition is false (message built only on failure).</summary>
    public static void Require(bool condition, Func<string> message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (!condition)
        {
            Assert.Fail(message());
        }
    }

    private static LedgerEvent WithoutSerials(LedgerEvent e) => e switch
    {
        UnitsTransferred t => t with { Serials = s_noSerials },
        UnitsRetired r => r with { Serials = s_noSerials },
        UnitsCancelled c => c with { Serials = s_noSerials },
        UnitsSurrendered s => s with { Serials = s_noSerials },
        UnitsForceSurrendered s => s with { Serials = s_noSerials },
        UnitsFrozen f => f with { Serials = s_noSerials },
        UnitsUnfrozen u => u with { Serials = s_noSerials },
        _ => e,
    };

    private static void SameList<T>(string what, string context, IReadOnlyList<T> expected, IReadOnlyList<T> actual)
    {
        int n = Math.Min(expected.Count, actual.Count);
        for (int i = 0; i < n; i++)
        {
            T want = expected[i];
            T got = actual[i];
            Require(EqualityComparer<T>.Default.Equals(want, got),
                () => $"{context}: {what} differ at #{i}: ledger has {got}, oracle expects {want}");
        }

        Require(expected.Count == actual.Count, () => $"{context}: {what}: ledger lists {actual.Count}, oracle "
            + $"{expected.Count}; first extra: {(actual.Count > n ? actual[n] : expected[n])}");
    }
}
