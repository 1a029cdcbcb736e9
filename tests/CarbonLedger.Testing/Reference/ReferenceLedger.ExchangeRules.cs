using CarbonLedger.Domain.Accounts;
using CarbonLedger.Domain.Exchange;
using CarbonLedger.Domain.Identity;
using CarbonLedger.Domain.Instruments;
using CarbonLedger.Domain.Quantities;
using CarbonLedger.Domain.Registry;
using CarbonLedger.Domain.Rules;
using CarbonLedger.Domain.Trading;
using NodaTime;
using static CarbonLedger.Domain.Registry.LedgerRejection;

namespace CarbonLedger.Testing.Reference;

/// <summary>
/// The exchange commands' rules in the order of docs/reference/rejections.md. Orders check the account and
/// market rules, then the matching core's own rules (the reference book's answer, mapped 850 + code), then
/// the cover (units or funds).
/// </summary>
public sealed partial class ReferenceLedger
{
    private LedgerRejection FirstBrokenExchangeRule(ExchangeCommand command, Instant at) => command switch
    {
        DepositCash c => FirstBroken(BankRules(c.Actor, c.Bank, c.Account, c.Amount, c.Reference)),
        WithdrawCash c => FirstBroken(
            [.. BankRules(c.Actor, c.Bank, c.Account, c.Amount, c.Reference),
                Rule(InsufficientWithdrawable, () => Withdrawable(c.Account) < c.Amount.Fen)]),
        ListInstrument c => FirstBroken(
            Rule(ActorNotExchangeOperator, () => !IsOperator(c.Actor)),
            Rule(InstrumentUnknown, () => !_issuedGrams.ContainsKey(c.Instrument)),
            Rule(InstrumentAlreadyListed, () => Listing(c.Instrument) is not null),
            Rule(ReferencePriceInvalid, () => c.ReferencePrice.FenPerTonne <= 0 || c.ReferencePrice > _limits.MaxPrice),
            Rule(PriceBandTooWide, () => _rules.TryGetMarketRules(
                    c.Instrument, TradingMode.Listed, at.InZone(_rules.Zone).Date, out MarketRules listed)
                && TooWide(listed.BandAround(c.ReferencePrice)))),
        OpenTradingDay c => FirstBroken(
            Rule(ActorNotExchangeOperator, () => !IsOperator(c.Actor)),
            Rule(ExchangeNotConfigured, () => !ExchangeReady()),
            Rule(NotATradingDay, () => !_rules.Calendar.IsTradingDay(c.Date)),
            Rule(TradingDayNotAfterLast, () => _lastDay is { } last && c.Date <= last),
            Rule(TradingDayAlreadyOpen, () => _openDay is not null),
            Rule(TradingDayNotToday, () => at.InZone(_rules.Zone).Date != c.Date),
            Rule(NoMarketRules, () => _listings.Any(l =>
                !_rules.TryGetMarketRules(l.Instrument, TradingMode.Listed, c.Date, out _)
                || !_rules.TryGetMarketRules(l.Instrument, TradingMode.Block, c.Date, out _))),
            Rule(PriceBandTooWide, () => _listings.Any(l => BandTooWide(l, c.Date)))),
        CloseTradingDay c => FirstBroken(
            Rule(ActorNotExchangeOperator, () => !IsOperator(c.Actor)),
            Rule(TradingDayNotOpen, () => _openDay != c.Date)),
        PlaceOrder c => PlaceOrderRejection(c, at),
        CancelOrder c => FirstBroken(OwnOrderRules(c.Actor, c.Account, c.OrderId)),
        AmendOrder c => AmendRejection(c, at),
        PostBlockOrder c => PostBlockRejection(c, at),
        ConfirmBlockOrder c => ConfirmBlockRejection(c, at),
        WithdrawBlockOrder c => FirstBroken(
            Rule(AccountUnknown, () => !_accounts.ContainsKey(c.Account)),
            Rule(BlockOrderUnknown, () => !_blocks.ContainsKey(c.BlockOrderId)),
            Rule(AccountNotTrading, () => Account(c.Account).Type != AccountType.Trading),
            Rule(ActorNotAccountHolder, () => Account(c.Account).Owner != c.Actor),
            Rule(NotOrderOwner, () => _blocks[c.BlockOrderId].Account != c.Account)),
        AnnounceAuction c => AnnounceRejection(c, at),
        PlaceBid c => BidRejection(c, at),
        CloseAuction c => FirstBroken(
            Rule(AuctionUnknown, () => !_auctions.ContainsKey(c.AuctionId)),
            Rule(ActorNotExchangeOperator, () => !IsOperator(c.Actor)),
            Rule(ExchangeNotConfigured, () => !ExchangeReady()),
            Rule(TradingDayNotOpen, () => _openDay is null),
            Rule(AuctionWindowNotEnded, () => at < _auctions[c.AuctionId].End)),
        _ => throw new NotSupportedException($"oracle does not know {command.GetType().Name}"),
    };

    private LedgerRejection PlaceOrderRejection(PlaceOrder c, Instant at)
    {
        LedgerRejection r = FirstBroken([.. TraderRules(c.Actor, c.Account), .. MarketRules(c.Instrument)]);
        if (r != None)
        {
            return r;
        }

        RefListing l = Listing(c.Instrument)!;
        OrderCommand book = BookCommand(c, _lastId + 1, at);
        r = FromBook(l.Book!.Validate(in book));
        if (r != None)
        {
            return r;
        }

        long limit = HoldPrice(l, c);
        long hold = c.Side == Side.Buy ? BuyHold(limit, c.Quantity.Grams, l.ListedFees!.For(c.Side), 0) : 0;
        return FirstBroken(CoverRules(c.Account, c.Instrument, c.Side, c.Quantity.Grams, hold));
    }

    private LedgerRejection AmendRejection(AmendOrder c, Instant at)
    {
        LedgerRejection r = FirstBroken(
            [.. OwnOrderRules(c.Actor, c.Account, c.OrderId),
                Rule(AccountIsClosed, () => Account(c.Account).Status == AccountStatus.Closed),
                Rule(AccountIsSuspended, () => Account(c.Account).Status == AccountStatus.Suspended)]);
        r = r != None ? r : FirstBroken(MarketRules(_orders[c.OrderId].Instrument));
        if (r != None)
        {
            return r;
        }

        RefOrder o = _orders[c.OrderId];
        RefListing l = Listing(o.Instrument)!;
        var command = OrderCommand.Amend(o.Instrument, new OrderId(o.Id), new TraderId(_traderIds[o.Account]), c.Price,
            c.Quantity, at);
        r = FromBook(l.Book!.Validate(in command));
        if (r != None)
        {
            return r;
        }

        long extraCash = o.Side == Side.Buy
            ? BuyHold(c.Price.FenPerTonne, c.Quantity.Grams, o.Rate, o.Traded) - o.Hold
            : 0;
        long extraUnits = o.Side == Side.Sell ? c.Quantity.Grams - o.Open : 0;
        return extraCash > 0 || extraUnits > 0
            ? FirstBroken(CoverRules(c.Account, o.Instrument, o.Side, extraUnits, extraCash))
            : None;
    }

    private LedgerRejection PostBlockRejection(PostBlockOrder c, Instant at)
    {
        AccountId? cp = c.Counterparty;
        LedgerRejection r = FirstBroken(
            [Rule(AccountUnknown, () => !_accounts.ContainsKey(c.Account)),
                Rule(CounterpartyUnknown, () => cp is { } x && !_accounts.ContainsKey(x)),
                Rule(AccountNotTrading, () => Account(c.Account).Type != AccountType.Trading),
                Rule(CounterpartyNotTrading, () => cp is { } x && Account(x).Type != AccountType.Trading),
                Rule(ActorNotAccountHolder, () => Account(c.Account).Owner != c.Actor),
                Rule(CannotTradeWithSelf, () => cp == c.Account),
                Rule(AccountIsClosed, () => Account(c.Account).Status == AccountStatus.Closed),
                Rule(ToAccountIsClosed, () => cp is { } x && Account(x).Status == AccountStatus.Closed),
                Rule(AccountIsSuspended, () => Account(c.Account).Status == AccountStatus.Suspended),
                Rule(ToAccountIsSuspended, () => cp is { } x && Account(x).Status == AccountStatus.Suspended),
                .. MarketRules(c.Instrument)]);
        if (r != None)
        {
            return r;
        }

        RefListing l = Listing(c.Instrument)!;
        MarketRules rules = l.BlockDay!.Rules;
        long maximum = Math.Min(rules.MaximumQuantity.Grams, _limits.MaxQuantityPerCommand.Grams);
        r = FirstBroken(
            [Rule(OrderOutsideSession, () => !l.BlockDay.IsOpenAt(at)),
                .. SizeAndPriceRules(rules, c.Quantity.Grams, c.Price.FenPerTonne, maximum),
                Rule(OrderPriceOutsideBand, () => !l.BlockDay.Band.Contains(c.Price))]);
        if (r != None)
        {
            return r;
        }

        long hold = c.Side == Side.Buy
            ? BuyHold(c.Price.FenPerTonne, c.Quantity.Grams, l.BlockFees!.For(c.Side), 0)
            : 0;
        return FirstBroken(CoverRules(c.Account, c.Instrument, c.Side, c.Quantity.Grams, hold));
    }

    private LedgerRejection ConfirmBlockRejection(ConfirmBlockOrder c, Instant at)
    {
        RefBlock? b = _blocks.GetValueOrDefault(c.BlockOrderId);
        LedgerRejection r = FirstBroken(
            Rule(AccountUnknown, () => !_accounts.ContainsKey(c.Account)),
            Rule(BlockOrderUnknown, () => b is null),
            Rule(AccountNotTrading, () => Account(c.Account).Type != AccountType.Trading),
            Rule(ActorNotAccountHolder, () => Account(c.Account).Owner != c.Actor),
            Rule(NotNamedCounterparty, () => b!.Counterparty is { } named && named != c.Account),
            Rule(CannotTradeWithSelf, () => b!.Account == c.Account),
            Rule(AccountIsClosed, () => Account(c.Account).Status == AccountStatus.Closed),
            Rule(ToAccountIsClosed, () => Account(b!.Account).Status == AccountStatus.Closed),
            Rule(AccountIsSuspended, () => Account(c.Account).Status == AccountStatus.Suspended),
            Rule(ToAccountIsSuspended, () => Account(b!.Account).Status == AccountStatus.Suspended),
            Rule(ExchangeNotConfigured, () => !ExchangeReady()),
            Rule(TradingDayNotOpen, () => _openDay is null || Listing(b!.Instrument)!.Book is null),
            Rule(OrderOutsideSession, () => !Listing(b!.Instrument)!.BlockDay!.IsOpenAt(at)));
        if (r != None)
        {
            return r;
        }

        Side side = b!.Side == Side.Buy ? Side.Sell : Side.Buy;
        RefListing l = Listing(b.Instrument)!;
        long hold = side == Side.Buy ? BuyHold(b.Price, b.Quantity, l.BlockFees!.For(side), 0) : 0;
        return FirstBroken(CoverRules(c.Account, b.Instrument, side, b.Quantity, hold));
    }

    private LedgerRejection AnnounceRejection(AnnounceAuction c, Instant at)
    {
        LedgerRejection r = FirstBroken(
            [Rule(AuctionWindowInvalid, () => c.WindowEnd <= c.WindowStart || c.WindowEnd <= at),
                .. TraderRules(c.Actor, c.Account),
                Rule(ExchangeNotConfigured, () => !ExchangeReady()),
                Rule(InstrumentNotListed, () => Listing(c.Instrument) is null),
                Rule(NoMarketRules, () => !_rules.TryGetMarketRules(
                    c.Instrument, TradingMode.Auction, at.InZone(_rules.Zone).Date, out _))]);
        if (r != None)
        {
            return r;
        }

        MarketRules rules = _rules.MarketRulesFor(c.Instrument, TradingMode.Auction, at.InZone(_rules.Zone).Date);
        long maximum = Math.Min(rules.MaximumQuantity.Grams, _limits.MaxQuantityPerCommand.Grams);
        return FirstBroken(
            [.. SizeAndPriceRules(rules, c.Quantity.Grams, c.FloorPrice.FenPerTonne, maximum),
                Rule(OrderPriceOutsideBand, () => c.FloorPrice > _limits.MaxPrice),
                .. CoverRules(c.Account, c.Instrument, Side.Sell, c.Quantity.Grams, 0)]);
    }

    private LedgerRejection BidRejection(PlaceBid c, Instant at)
    {
        RefAuction? a = _auctions.GetValueOrDefault(c.AuctionId);
        LedgerRejection r = FirstBroken(
            Rule(AccountUnknown, () => !_accounts.ContainsKey(c.Account)),
            Rule(AuctionUnknown, () => a is null),
            Rule(AccountNotTrading, () => Account(c.Account).Type != AccountType.Trading),
            Rule(ActorNotAccountHolder, () => Account(c.Account).Owner != c.Actor),
            Rule(CannotTradeWithSelf, () => a!.Seller == c.Account),
            Rule(AccountIsClosed, () => Account(c.Account).Status == AccountStatus.Closed),
            Rule(AccountIsSuspended, () => Account(c.Account).Status == AccountStatus.Suspended));
        if (r != None)
        {
            return r;
        }

        long maximum = Math.Min(a!.Rules.MaximumQuantity.Grams, _limits.MaxQuantityPerCommand.Grams);
        long ceiling = Math.Min(a.Rules.BandAround(new Price(a.Floor)).Upper.FenPerTonne, _limits.MaxPrice.FenPerTonne);
        return FirstBroken(
            [.. SizeAndPriceRules(a.Rules, c.Quantity.Grams, c.Price.FenPerTonne, maximum),
                Rule(OrderPriceOutsideBand, () => c.Price.FenPerTonne > ceiling),
                Rule(BidOutsideWindow, () => at < a.Start || at >= a.End),
                Rule(BidBelowFloor, () => c.Price.FenPerTonne < a.Floor),
                Rule(BidExceedsAuctionQuantity, () => c.Quantity.Grams > a.Quantity),
                Rule(InsufficientFunds,
                    () => Usable(c.Account) < BuyHold(c.Price.FenPerTonne, c.Quantity.Grams, a.Fees.Buyer, 0))]);
    }

    private RuleDef[] BankRules(ActorId actor, AccountId bank, AccountId account, Money amount, string reference) =>
    [
        Rule(TextTooLong, () => TooLong(reference)),
        Rule(AmountMustBePositive, () => amount.Fen <= 0),
        Rule(AmountExceedsLimit, () => amount > _limits.MaxCashPerCommand),
        Rule(BankReferenceRequired, () => string.IsNullOrWhiteSpace(reference)),
        Rule(AccountUnknown, () => !_accounts.ContainsKey(account)),
        Rule(BankAccountUnknown, () => !_accounts.ContainsKey(bank)),
        Rule(AccountNotTrading, () => Account(account).Type != AccountType.Trading),
        Rule(NotASettlementBank, () => Account(bank).Type != AccountType.SettlementBank),
        Rule(ActorNotBank, () => Account(bank).Owner != actor || Account(bank).Status != AccountStatus.Open),
        Rule(AccountIsClosed, () => Account(account).Status == AccountStatus.Closed),
        Rule(AccountIsSuspended, () => Account(account).Status == AccountStatus.Suspended),
    ];

    /// <summary>402, 420, 602, 701, 703: a trading account acting for itself.</summary>
    private RuleDef[] TraderRules(ActorId actor, AccountId account) =>
    [
        Rule(AccountUnknown, () => !_accounts.ContainsKey(account)),
        Rule(AccountNotTrading, () => Account(account).Type != AccountType.Trading),
        Rule(ActorNotAccountHolder, () => Account(account).Owner != actor),
        Rule(AccountIsClosed, () => Account(account).Status == AccountStatus.Closed),
        Rule(AccountIsSuspended, () => Account(account).Status == AccountStatus.Suspended),
    ];

    /// <summary>402, 411, 420, 602, 605: an account acting on one of its live orders.</summary>
    private RuleDef[] OwnOrderRules(ActorId actor, AccountId account, long orderId) =>
    [
        Rule(AccountUnknown, () => !_accounts.ContainsKey(account)),
        Rule(OrderUnknown, () => !_orders.ContainsKey(orderId)),
        Rule(AccountNotTrading, () => Account(account).Type != AccountType.Trading),
        Rule(ActorNotAccountHolder, () => Account(account).Owner != actor),
        Rule(NotOrderOwner, () => _orders[orderId].Account != account),
    ];

    /// <summary>804, 805, 811: the exchange is set up, lists the instrument, and a day is open.</summary>
    private RuleDef[] MarketRules(InstrumentId instrument) =>
    [
        Rule(ExchangeNotConfigured, () => !ExchangeReady()),
        Rule(InstrumentNotListed, () => Listing(instrument) is null),
        Rule(TradingDayNotOpen, () => _openDay is null || Listing(instrument)!.Book is null),
    ];

    /// <summary>858–863: the size and price rules of a block order, an auction or a bid.</summary>
    private static RuleDef[] SizeAndPriceRules(MarketRules rules, long grams, long price, long maximum) =>
    [
        Rule(OrderQuantityNotPositive, () => grams <= 0),
        Rule(OrderQuantityNotLotMultiple, () => grams % rules.Lot.Grams != 0),
        Rule(OrderQuantityBelowMinimum, () => grams < rules.MinimumQuantity.Grams),
        Rule(OrderQuantityAboveMaximum, () => grams > maximum),
        Rule(OrderPriceNotPositive, () => price <= 0),
        Rule(OrderPriceOffTick, () => price % rules.Tick.FenPerTonne != 0),
    ];

    /// <summary>903, 904 (a sale's units) or 905 (a purchase's cash).</summary>
    private RuleDef[] CoverRules(AccountId account, InstrumentId instrument, Side side, long grams, long cash) =>
        side == Side.Sell
            ?
            [
                Rule(InsufficientAvailable, () => Grams(account, instrument, Bucket.Available)
                    + Grams(account, instrument, Bucket.Unsettled) < grams),
                Rule(UnitsUnsettled, () => Grams(account, instrument, Bucket.Available) < grams),
            ]
            : [Rule(InsufficientFunds, () => Usable(account) < cash)];

    private static LedgerRejection FromBook(OrderRejection r) =>
        r == OrderRejection.None ? None : (LedgerRejection)(850 + (int)r);

    private bool IsOperator(ActorId actor) => _accounts.Values.Any(
        a => a.Type == AccountType.ExchangeClearing && a.Status == AccountStatus.Open && a.Owner == actor);

    private bool ExchangeReady() =>
        _accounts.Values.Any(a => a.Type == AccountType.ExchangeClearing && a.Status == AccountStatus.Open)
        && _accounts.Values.Any(a => a.Type == AccountType.Fee && a.Status == AccountStatus.Open);

    private RefListing? Listing(InstrumentId instrument) => _listings.FirstOrDefault(l => l.Instrument == instrument);

    private bool BandTooWide(RefListing l, LocalDate date) =>
        TooWide(_rules.MarketRulesFor(l.Instrument, TradingMode.Listed, date).BandAround(new Price(l.PreviousClose)));

    private static bool TooWide(PriceBand band) =>
        band.Upper.FenPerTonne - band.Lower.FenPerTonne + 1 > OrderBook.MaxBandLevels;

    private OrderCommand BookCommand(PlaceOrder c, long id, Instant at)
    {
        var trader = new TraderId(_traderIds[c.Account]);
        return c.Type switch
        {
            OrderType.Limit => OrderCommand.Limit(
                c.Instrument, new OrderId(id), trader, c.Side, c.Price, c.Quantity, c.TimeInForce, at),
            OrderType.Market => OrderCommand.Market(
                c.Instrument, new OrderId(id), trader, c.Side, c.Quantity, c.TimeInForce, at),
            _ => OrderCommand.Pick(
                c.Instrument, new OrderId(id), trader, c.Side, new OrderId(c.Listing), c.Quantity, at),
        };
    }

    /// <summary>The price a new order's hold is computed at: its limit, a market order's band edge, a pick's
    /// listing price.</summary>
    private static long HoldPrice(RefListing l, PlaceOrder c) => c.Type switch
    {
        OrderType.Limit => c.Price.FenPerTonne,
        OrderType.Market => c.Side == Side.Buy
            ? l.Book!.Day.Band.Upper.FenPerTonne
            : l.Book!.Day.Band.Lower.FenPerTonne,
        _ => l.Book!.TryGetOrder(new OrderId(c.Listing), out RestingOrder listing)
            ? listing.Price.FenPerTonne
            : throw new InvalidOperationException("a validated pick's listing is gone"),
    };
}
