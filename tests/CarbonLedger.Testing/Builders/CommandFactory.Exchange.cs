using CarbonLedger.Domain.Exchange;
using CarbonLedger.Domain.Quantities;
using CarbonLedger.Domain.Trading;
using NodaTime;

namespace CarbonLedger.Testing.Builders;

/// <summary>Exchange commands: prices in fen per tonne, quantities in whole tonnes, cash in yuan.</summary>
public sealed partial class CommandFactory
{
    /// <summary>The settlement bank deposits <paramref name="yuan"/> into a trading account.</summary>
    public DepositCash Deposit(string actor, string bank, string account, long yuan, string reference = "BANK-REF",
        string? key = null) =>
        new(Key(key), Actor(actor), Acc(bank), Acc(account), Money.FromYuan(yuan), reference);

    /// <summary>The settlement bank pays <paramref name="yuan"/> out of a trading account.</summary>
    public WithdrawCash Withdraw(string actor, string bank, string account, long yuan, string reference = "BANK-OUT",
        string? key = null) =>
        new(Key(key), Actor(actor), Acc(bank), Acc(account), Money.FromYuan(yuan), reference);

    /// <summary>Lists an instrument at a reference price (fen per tonne).</summary>
    public ListInstrument List(string actor, string instrument, long referenceFen, string? key = null) =>
        new(Key(key), Actor(actor), Instr(instrument), Price.FromFenPerTonne(referenceFen));

    /// <summary>Opens a trading day.</summary>
    public OpenTradingDay OpenDay(string actor, LocalDate date, string? key = null) => new(Key(key), Actor(actor), date);

    /// <summary>Closes a trading day.</summary>
    public CloseTradingDay CloseDay(string actor, LocalDate date, string? key = null) =>
        new(Key(key), Actor(actor), date);

    /// <summary>A listed limit order.</summary>
    public PlaceOrder Limit(string actor, string account, string instrument, Side side, long priceFen, long tonnes,
        TimeInForce tif = TimeInForce.Gtc, string? key = null) =>
        new(Key(key), Actor(actor), Acc(account), Instr(instrument), side, OrderType.Limit, tif,
            Price.FromFenPerTonne(priceFen), Co2e.FromTonnes(tonnes));

    /// <summary>A listed market order (IOC unless given).</summary>
    public PlaceOrder Market(string actor, string account, string instrument, Side side, long tonnes,
        TimeInForce tif = TimeInForce.Ioc, string? key = null) =>
        new(Key(key), Actor(actor), Acc(account), Instr(instrument), side, OrderType.Market, tif, default,
            Co2e.FromTonnes(tonnes));

    /// <summary>A listed-agreement pick of <paramref name="listing"/>.</summary>
    public PlaceOrder Pick(string actor, string account, string instrument, Side side, long listing, long tonnes,
        string? key = null) =>
        new(Key(key), Actor(actor), Acc(account), Instr(instrument), side, OrderType.Pick, TimeInForce.Fok, default,
            Co2e.FromTonnes(tonnes), listing);

    /// <summary>Cancels a live order.</summary>
    public CancelOrder CancelOrder(string actor, string account, long orderId, string? key = null) =>
        new(Key(key), Actor(actor), Acc(account), orderId);

    /// <summary>Amends a live order.</summary>
    public AmendOrder Amend(string actor, string account, long orderId, long priceFen, long tonnes, string? key = null) =>
        new(Key(key), Actor(actor), Acc(account), orderId, Price.FromFenPerTonne(priceFen), Co2e.FromTonnes(tonnes));

    /// <summary>A block declaration, or a proposal to <paramref name="counterparty"/>.</summary>
    public PostBlockOrder Block(string actor, string account, string instrument, Side side, long priceFen, long tonnes,
        string? counterparty = null, string? key = null) =>
        new(Key(key), Actor(actor), Acc(account), Instr(instrument), side, Price.FromFenPerTonne(priceFen),
            Co2e.FromTonnes(tonnes), counterparty is null ? null : Acc(counterparty));

    /// <summary>Confirms a block declaration.</summary>
    public ConfirmBlockOrder Confirm(string actor, string account, long blockId, string? key = null) =>
        new(Key(key), Actor(actor), Acc(account), blockId);

    /// <summary>Withdraws a block declaration.</summary>
    public WithdrawBlockOrder WithdrawBlock(string actor, string account, long blockId, string? key = null) =>
        new(Key(key), Actor(actor), Acc(account), blockId);

    /// <summary>Announces a seller's auction.</summary>
    public AnnounceAuction Auction(string actor, string account, string instrument, long tonnes, long floorFen,
        Instant start, Instant end, AuctionPricing pricing = AuctionPricing.PayAsBid, string? key = null) =>
        new(Key(key), Actor(actor), Acc(account), Instr(instrument), Co2e.FromTonnes(tonnes),
            Price.FromFenPerTonne(floorFen), start, end, pricing);

    /// <summary>Bids in an auction.</summary>
    public PlaceBid Bid(string actor, string account, long auctionId, long priceFen, long tonnes, string? key = null) =>
        new(Key(key), Actor(actor), Acc(account), auctionId, Price.FromFenPerTonne(priceFen), Co2e.FromTonnes(tonnes));

    /// <summary>Closes an auction.</summary>
    public CloseAuction CloseAuction(string actor, long auctionId, string? key = null) =>
        new(Key(key), Actor(actor), auctionId);
}
