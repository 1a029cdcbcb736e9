using CarbonLedger.Domain.Accounts;
using CarbonLedger.Domain.Exchange;
using CarbonLedger.Domain.Invariants;
using CarbonLedger.Domain.Quantities;
using CarbonLedger.Domain.Rules;
using CarbonLedger.Domain.Trading;
using NodaTime;
using static CarbonLedger.Domain.Registry.LedgerRejection;

namespace CarbonLedger.Domain.Registry;

/// <summary>Listing instruments and the trading day: open (T+1 settlement, new bands) and close (expiry,
/// closing price, daily market data).</summary>
public sealed partial class Ledger
{
    private (LedgerRejection, LedgerEvent?) List(ListInstrument c, Instant at)
    {
        LedgerRejection r = CheckOperator(c);
        if (r != None)
        {
            return (r, null);
        }

        if (!_instrumentIndex.TryGetValue(c.Instrument, out int instrument))
        {
            return (InstrumentUnknown, null);
        }

        if (_x.ListingByInstrument.ContainsKey(instrument))
        {
            return (InstrumentAlreadyListed, null);
        }

        if (c.ReferencePrice.FenPerTonne <= 0 || c.ReferencePrice > _limits.MaxPrice)
        {
            return (ReferencePriceInvalid, null);
        }

        if (_rules.TryGetMarketRules(c.Instrument, TradingMode.Listed, at.InZone(_rules.Zone).Date, out MarketRules now)
            && !FitsBook(now.BandAround(c.ReferencePrice)))
        {
            return (PriceBandTooWide, null);
        }

        _x.ListingByInstrument.Add(instrument, _x.Listings.Count);
        _x.Listings.Add(new Listing(c.Instrument, instrument, c.ReferencePrice.FenPerTonne));
        return (None, _capture ? new InstrumentListed(at, c.Instrument, c.ReferencePrice) : null);
    }

    private (LedgerRejection, LedgerEvent?) OpenDay(OpenTradingDay c, Instant at)
    {
        LedgerRejection r = CheckOpenDay(c, at);
        if (r != None)
        {
            return (r, null);
        }

        _expiries.Clear();
        List<UnitsSettled>? settled = SettlePurchases();
        List<ProceedsReleased>? proceeds = ReleaseProceeds();
        var listings = new List<ListingDay>(_x.Listings.Count);
        for (int i = 0; i < _x.Listings.Count; i++)
        {
            Listing l = _x.Listings[i];
            var price = new Price(l.PreviousClose);
            TradingDay listed = TradingDay.From(_rules, l.Id, TradingMode.Listed, c.Date, price);
            if (l.Book is null)
            {
                l.Book = new OrderBook(l.Id, listed, _limits.OrderCapacity);
            }
            else
            {
                _x.Output.Clear();
                l.Book.OpenDay(listed, _x.Output);
                ApplyBookOutput(i, 0);
            }

            l.BlockDay = TradingDay.From(_rules, l.Id, TradingMode.Block, c.Date, price);
            l.ListedFees = _rules.FeesFor(l.Id, TradingMode.Listed, c.Date);
            l.BlockFees = _rules.FeesFor(l.Id, TradingMode.Block, c.Date);
            l.Day = default;
            listings.Add(new ListingDay(l.Id, price, listed.Band, l.BlockDay.Band, listed.Rules.Version));
        }

        _x.OpenDay = c.Date;
        _x.LastDay = c.Date;
        return (None, _capture
            ? new TradingDayOpened(at, c.Date, listings, settled ?? [], proceeds ?? [], [.. _expiries])
            : null);
    }

    /// <summary>Rules 603, 804, 808, 809, 810, 812, 813 and 814 for opening a day.</summary>
    private LedgerRejection CheckOpenDay(OpenTradingDay c, Instant at)
    {
        LedgerRejection r = CheckOperator(c);
        if (r != None)
        {
            return r;
        }

        if (!ExchangeReady)
        {
            return ExchangeNotConfigured;
        }

        if (!_rules.Calendar.IsTradingDay(c.Date))
        {
            return NotATradingDay;
        }

        if (_x.LastDay is { } last && c.Date <= last)
        {
            return TradingDayNotAfterLast;
        }

        if (_x.OpenDay is not null)
        {
            return TradingDayAlreadyOpen;
        }

        if (at.InZone(_rules.Zone).Date != c.Date)
        {
            return TradingDayNotToday;
        }

        foreach (Listing l in _x.Listings)
        {
            if (!_rules.TryGetMarketRules(l.Id, TradingMode.Listed, c.Date, out MarketRules listed)
                || !_rules.TryGetMarketRules(l.Id, TradingMode.Block, c.Date, out _))
            {
                return NoMarketRules;
            }

            // Only the listed band must fit a book's price-indexed levels; block trades use no book.
            if (!FitsBook(listed.BandAround(new Price(l.PreviousClose))))
            {
                return PriceBandTooWide;
            }
        }

        return None;
    }

    private static bool FitsBook(PriceBand band) =>
        band.Upper.FenPerTonne - band.Lower.FenPerTonne + 1 <= OrderBook.MaxBandLevels;

    /// <summary>T+1: units bought before today become available. Null when there were none.</summary>
    private List<UnitsSettled>? SettlePurchases()
    {
        if (_x.UnsettledPositions.Count == 0)
        {
            return null;
        }

        var positions = _x.UnsettledPositions
            .Select(p => (Index: p, Account: _accounts[_positions[p].Account].Id,
                _instruments[_positions[p].Instrument].Id))
            .OrderBy(p => p.Account).ThenBy(p => p.Id).ToList();
        var settled = new List<UnitsSettled>(positions.Count);
        foreach ((int index, Identity.AccountId account, Instruments.InstrumentId instrument) in positions)
        {
            long grams = _positions[index].Unsettled;
            if (grams > 0)
            {
                ShiftUnits(_positions[index].Account, _positions[index].Instrument, Bucket.Unsettled, Bucket.Available,
                    grams);
                settled.Add(new UnitsSettled(account, instrument, new Co2e(grams)));
            }
        }

        _x.UnsettledPositions.Clear();
        return settled;
    }

    /// <summary>Proceeds received before today become withdrawable. Null when there were none.</summary>
    private List<ProceedsReleased>? ReleaseProceeds()
    {
        if (_x.ProceedsAccounts.Count == 0)
        {
            return null;
        }

        var released = new List<ProceedsReleased>(_x.ProceedsAccounts.Count);
        foreach (int account in _x.ProceedsAccounts.OrderBy(a => _accounts[a].Id))
        {
            ref CashRecord cash = ref _x.CashOf(account);
            if (cash.Proceeds > 0)
            {
                released.Add(new ProceedsReleased(_accounts[account].Id, new Money(cash.Proceeds)));
                cash.Proceeds = 0;
            }
        }

        _x.ProceedsAccounts.Clear();
        return released;
    }

    private (LedgerRejection, LedgerEvent?) CloseDay(CloseTradingDay c, Instant at)
    {
        LedgerRejection r = CheckOperator(c);
        if (r != None)
        {
            return (r, null);
        }

        if (_x.OpenDay != c.Date)
        {
            return (TradingDayNotOpen, null);
        }

        _expiries.Clear();
        var data = new List<DailyMarketData>(_x.Listings.Count);
        for (int i = 0; i < _x.Listings.Count; i++)
        {
            // A listing made while this day was open has no book yet: it starts trading on the next day.
            if (_x.Listings[i].Book is { } book)
            {
                _x.Output.Clear();
                book.CloseDay(_x.Output);
                ApplyBookOutput(i, 0);
            }
        }

        ExpireBlockOrders();
        foreach (Listing l in _x.Listings.Where(l => l.Book is not null || l.Day.Trades > 0))
        {
            data.Add(CloseListing(l, c.Date));
        }

        _x.OpenDay = null;
        return (None, _capture ? new TradingDayClosed(at, c.Date, data, [.. _expiries]) : null);
    }

    /// <summary>Fixes one instrument's day: the close is the listed VWAP (half-up to the fen), else the
    /// previous close, and becomes the next day's reference.</summary>
    private static DailyMarketData CloseListing(Listing l, LocalDate date)
    {
        ref DayStatistics d = ref l.Day;
        long previous = l.PreviousClose;
        long close = d.ListedVolume > 0
            ? Rounding.MultiplyDivideHalfUp(d.ListedTurnover, Co2e.GramsPerTonne, d.ListedVolume)
            : previous;
        bool traded = d.ListedVolume > 0;
        var result = new DailyMarketData(l.Id, date, new Price(previous),
            new Price(traded ? d.Open : previous), new Price(traded ? d.High : previous),
            new Price(traded ? d.Low : previous), new Price(close), new Co2e(d.ListedVolume),
            new Money(d.ListedTurnover), new Co2e(d.BlockVolume), new Money(d.BlockTurnover), new Co2e(d.AuctionVolume),
            new Money(d.AuctionTurnover), d.Trades);
        LedgerAssert.That(close > 0, "a closing price must be positive");
        l.PreviousClose = close;
        return result;
    }
}
