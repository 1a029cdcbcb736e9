using CarbonLedger.Domain.Accounts;
using CarbonLedger.Domain.Credits;
using CarbonLedger.Domain.Exchange;
using CarbonLedger.Domain.Identity;
using CarbonLedger.Domain.Quantities;
using CarbonLedger.Domain.Rules;
using CarbonLedger.Domain.Trading;
using NodaTime;
using static CarbonLedger.Domain.Registry.LedgerRejection;

namespace CarbonLedger.Domain.Registry;

/// <summary>Block trades (大宗协议, decision 0009): declarations and proposals, confirmation, withdrawal,
/// expiry.</summary>
public sealed partial class Ledger
{
    private (LedgerRejection, LedgerEvent?) PostBlock(PostBlockOrder c, Instant at)
    {
        Invariants.LedgerAssert.That(c.ShapeError() is null, c.ShapeError() ?? "");
        int listing = -1;
        LedgerRejection r = CheckBlockParties(c, out int account, out int counterparty);
        r = r != None ? r : CheckMarketOpen(c.Instrument, out listing);
        if (r != None)
        {
            return (r, null);
        }

        Listing l = _x.Listings[listing];
        r = OrderRejections.ToLedger(BlockRejection(l.BlockDay!, at, c.Quantity.Grams, c.Price.FenPerTonne));
        FeeRate rate = l.BlockFees!.For(c.Side);
        long hold = r == None && c.Side == Side.Buy ? BuyHold(c.Price.FenPerTonne, c.Quantity.Grams, rate, 0) : 0;
        r = r != None ? r : CheckCover(account, l.Instrument, c.Side, c.Quantity.Grams, hold);
        if (r != None)
        {
            return (r, null);
        }

        long id = ++_x.LastId;
        TakeHold(account, l.Instrument, c.Side, c.Quantity.Grams, hold);
        _x.Blocks.Add(id, new BlockOrder
        {
            Id = id, Account = account, Listing = listing, Side = c.Side, Price = c.Price.FenPerTonne,
            Quantity = c.Quantity.Grams, Counterparty = counterparty, HeldCash = hold, Rate = rate,
        });
        return (None, _capture
            ? new BlockOrderPosted(at, id, c.Account, c.Instrument, c.Side, c.Price, c.Quantity, c.Counterparty,
                new Money(hold), l.BlockDay!.Rules.Version, l.BlockFees.Version)
            : null);
    }

    /// <summary>Rules 402, 410, 420, 421, 602, 607 and 701–704 for a poster and its optional counterparty.</summary>
    private LedgerRejection CheckBlockParties(PostBlockOrder c, out int account, out int counterparty)
    {
        counterparty = -1;
        if (!_accountIndex.TryGetValue(c.Account, out account))
        {
            return AccountUnknown;
        }

        if (c.Counterparty is { } named && !_accountIndex.TryGetValue(named, out counterparty))
        {
            return CounterpartyUnknown;
        }

        if (_accounts[account].Type != AccountType.Trading)
        {
            return AccountNotTrading;
        }

        if (counterparty >= 0 && _accounts[counterparty].Type != AccountType.Trading)
        {
            return CounterpartyNotTrading;
        }

        if (_accounts[account].Owner != c.Actor)
        {
            return ActorNotAccountHolder;
        }

        if (counterparty == account)
        {
            return CannotTradeWithSelf;
        }

        return counterparty >= 0 ? CheckBothOpen(account, counterparty) : CheckSubjectOpen(account);
    }

    private (LedgerRejection, LedgerEvent?) ConfirmBlock(ConfirmBlockOrder c, Instant at)
    {
        LedgerRejection r = CheckConfirmation(c, out int account, out BlockOrder? block);
        if (r != None)
        {
            return (r, null);
        }

        Listing l = _x.Listings[block!.Listing];
        r = CheckMarketOpen(l.Id, out _);
        r = r != None ? r : l.BlockDay!.IsOpenAt(at) ? None : OrderOutsideSession;
        Side side = block.Side.Opposite();
        FeeRate rate = l.BlockFees!.For(side);
        long hold = side == Side.Buy ? BuyHold(block.Price, block.Quantity, rate, 0) : 0;
        r = r != None ? r : CheckCover(account, l.Instrument, side, block.Quantity, hold);
        if (r != None)
        {
            return (r, null);
        }

        TakeHold(account, l.Instrument, side, block.Quantity, hold);
        var poster = new OrderState
        {
            Account = block.Account, Side = block.Side, Limit = block.Price, Open = block.Quantity,
            HeldCash = block.HeldCash, Rate = block.Rate,
        };
        var confirmer = new OrderState
        {
            Account = account, Side = side, Limit = block.Price, Open = block.Quantity, HeldCash = hold, Rate = rate,
        };
        long held = side == Side.Buy ? hold : block.HeldCash;
        (long buyerFee, long sellerFee, SerialRange[] serials) = side == Side.Buy
            ? Settle(ref confirmer, ref poster, l.Instrument, block.Price, block.Quantity)
            : Settle(ref poster, ref confirmer, l.Instrument, block.Price, block.Quantity);
        long value = ValueOf(block.Price, block.Quantity);
        l.Day.BlockVolume = checked(l.Day.BlockVolume + block.Quantity);
        l.Day.BlockTurnover = checked(l.Day.BlockTurnover + value);
        l.Day.Trades++;
        long tradeId = ++_x.LastTradeId;
        _x.Blocks.Remove(block.Id);
        AccountId buyer = _accounts[side == Side.Buy ? account : block.Account].Id;
        AccountId seller = _accounts[side == Side.Buy ? block.Account : account].Id;
        return (None, _capture
            ? new BlockTradeConfirmed(at, block.Id, c.Account, tradeId, l.Id, buyer, seller, new Price(block.Price),
                new Co2e(block.Quantity), new Money(buyerFee), new Money(sellerFee),
                new Money(held - value - buyerFee), serials)
            : null);
    }

    /// <summary>Rules 402, 412, 420, 602, 606, 607 and 701–704 for confirming a block declaration.</summary>
    private LedgerRejection CheckConfirmation(ConfirmBlockOrder c, out int account, out BlockOrder? block)
    {
        block = null;
        if (!_accountIndex.TryGetValue(c.Account, out account))
        {
            return AccountUnknown;
        }

        if (!_x.Blocks.TryGetValue(c.BlockOrderId, out block))
        {
            return BlockOrderUnknown;
        }

        LedgerRejection holder = CheckTradingHolder(account, c.Actor);
        if (holder != None)
        {
            return holder;
        }

        if (block.Counterparty >= 0 && block.Counterparty != account)
        {
            return NotNamedCounterparty;
        }

        return block.Account == account ? CannotTradeWithSelf : CheckBothOpen(account, block.Account);
    }

    private (LedgerRejection, LedgerEvent?) WithdrawBlock(WithdrawBlockOrder c, Instant at)
    {
        if (!_accountIndex.TryGetValue(c.Account, out int account))
        {
            return (AccountUnknown, null);
        }

        if (!_x.Blocks.TryGetValue(c.BlockOrderId, out BlockOrder? block))
        {
            return (BlockOrderUnknown, null);
        }

        LedgerRejection r = CheckTradingHolder(account, c.Actor);
        r = r != None ? r : block.Account != account ? NotOrderOwner : None;
        if (r != None)
        {
            return (r, null);
        }

        ReleaseBlock(block);
        return (None, _capture
            ? new BlockOrderWithdrawn(at, block.Id, c.Account, _x.Listings[block.Listing].Id, block.Side,
                new Co2e(block.Quantity), new Money(block.HeldCash))
            : null);
    }

    /// <summary>At the close every open declaration expires and its hold returns.</summary>
    private void ExpireBlockOrders()
    {
        foreach (BlockOrder block in _x.Blocks.Values.ToList())
        {
            ReleaseBlock(block);
            if (_capture)
            {
                _expiries.Add(new OrderExpiry(block.Id, _accounts[block.Account].Id, _x.Listings[block.Listing].Id,
                    block.Side, new Co2e(block.Quantity), new Money(block.HeldCash), CancelReason.Expired));
            }
        }
    }

    private void ReleaseBlock(BlockOrder block)
    {
        if (block.Side == Side.Sell)
        {
            ShiftUnits(block.Account, _x.Listings[block.Listing].Instrument, Bucket.Locked, Bucket.Available,
                block.Quantity);
        }
        else
        {
            ReleaseCash(block.Account, block.HeldCash);
        }

        _x.Blocks.Remove(block.Id);
    }

    /// <summary>The matching core's checks for a block order, with the block rules of the day (same codes).</summary>
    private OrderRejection BlockRejection(TradingDay day, Instant at, long grams, long price)
    {
        MarketRules rules = day.Rules;
        long maximum = Math.Min(rules.MaximumQuantity.Grams, _limits.MaxQuantityPerCommand.Grams);
        return !day.IsOpenAt(at) ? OrderRejection.OutsideSession
            : grams <= 0 ? OrderRejection.QuantityNotPositive
            : grams % rules.Lot.Grams != 0 ? OrderRejection.QuantityNotLotMultiple
            : grams < rules.MinimumQuantity.Grams ? OrderRejection.QuantityBelowMinimum
            : grams > maximum ? OrderRejection.QuantityAboveMaximum
            : price <= 0 ? OrderRejection.PriceNotPositive
            : price % rules.Tick.FenPerTonne != 0 ? OrderRejection.PriceOffTick
            : !day.Band.Contains(new Price(price)) ? OrderRejection.PriceOutsideBand
            : OrderRejection.None;
    }
}
