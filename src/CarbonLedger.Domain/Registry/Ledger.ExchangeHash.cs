using System.Runtime.CompilerServices;
using CarbonLedger.Domain.Exchange;

namespace CarbonLedger.Domain.Registry;

public sealed partial class Ledger
{
    /// <summary>The exchange's part of the state hash: counters, cash, listings with their books' own state
    /// hashes and day statistics, live orders, block declarations, auctions and the T+1 sets.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void HashExchange(HashWriter w)
    {
        w.Add("exchange").Add(_x.Deposited).Add(_x.Withdrawn).Add(_x.LastId).Add(_x.LastTradeId)
            .Add(_x.OpenDay?.ToString("yyyy-MM-dd", null) ?? "").Add(_x.LastDay?.ToString("yyyy-MM-dd", null) ?? "");
        foreach ((Identity.AccountId account, CashBalance cash) in AllCash().OrderBy(c => c.Account))
        {
            w.Add(account.Value).Add(cash.Total.Fen).Add(cash.Locked.Fen).Add(cash.Proceeds.Fen);
        }

        foreach (Listing l in _x.Listings)
        {
            DayStatistics d = l.Day;
            w.Add(l.Id.ToString()).Add(l.PreviousClose).Add(l.ListedFees?.Version ?? "").Add(l.BlockFees?.Version ?? "")
                .Add(d.Open).Add(d.High).Add(d.Low).Add(d.ListedVolume).Add(d.ListedTurnover).Add(d.BlockVolume)
                .Add(d.BlockTurnover).Add(d.AuctionVolume).Add(d.AuctionTurnover).Add(d.Trades)
                .Add(l.Book is null ? "" : BookHash(l.Book));
        }

        foreach (int slot in LiveOrderSlotsById())
        {
            LiveOrderInfo o = ToInfo(in _x.Orders[slot]);
            w.Add(o.OrderId).Add(o.Account.Value).Add((long)o.Side).Add((long)o.TimeInForce).Add(o.Limit.FenPerTonne)
                .Add(o.Open.Grams).Add(o.HeldCash.Fen).Add(o.Traded.Fen).Add(o.FeesPaid.Fen);
        }

        foreach (BlockOrder b in _x.Blocks.Values)
        {
            w.Add(b.Id).Add(b.Account).Add(b.Listing).Add((long)b.Side).Add(b.Price).Add(b.Quantity)
                .Add(b.Counterparty).Add(b.HeldCash).Add(b.Rate.ToString());
        }

        foreach (Auction a in _x.Auctions.Values)
        {
            w.Add(a.Id).Add(a.Account).Add(a.Listing).Add(a.Quantity).Add(a.Floor).Add(a.WindowStart.ToUnixTimeTicks())
                .Add(a.WindowEnd.ToUnixTimeTicks()).Add((long)a.Pricing).Add(a.Fees.Version);
            foreach (AuctionBid bid in a.Bids)
            {
                w.Add(bid.Id).Add(bid.Account).Add(bid.Price).Add(bid.Quantity).Add(bid.HeldCash);
            }
        }

        foreach (int p in _x.UnsettledPositions.Order())
        {
            w.Add(_accounts[_positions[p].Account].Id.Value).Add(_instruments[_positions[p].Instrument].Id.ToString());
        }

        foreach (int account in _x.ProceedsAccounts.Order())
        {
            w.Add(_accounts[account].Id.Value);
        }
    }

    /// <summary>A book's part of the state hash: the SHA-256 of its snapshot, streamed rather than copied.</summary>
    private static string BookHash(Trading.IOrderBook book)
    {
        using var sha = new Sha256Writer();
        book.WriteSnapshot(sha);
        return sha.Finish();
    }
}
