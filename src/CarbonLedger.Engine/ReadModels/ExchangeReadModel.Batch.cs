using CarbonLedger.Domain.Exchange;
using CarbonLedger.Domain.Identity;
using CarbonLedger.Domain.Instruments;
using CarbonLedger.Domain.Registry;
using CarbonLedger.Domain.Trading;
using NodaTime;

namespace CarbonLedger.Engine.ReadModels;

internal sealed partial class ExchangeReadModel
{
    /// <summary>What one batch of exchange events changes in the read models, folded in event order.</summary>
    internal sealed class Batch
    {
        /// <summary>
        /// A bulk load folds the whole journal from its start into one batch and writes finished orders out as it
        /// goes: every order it meets must have been placed in it, and a finished order must never change again
        /// (an assertion: the domain refuses any command on a finished order).
        /// </summary>
        public bool FromStart { get; init; }

        public Dictionary<AccountId, long> Cash { get; } = [];

        public Dictionary<long, OrderRow> Orders { get; } = [];

        public List<TradeRow> Trades { get; } = [];

        public HashSet<InstrumentId> Books { get; } = [];

        public List<DailyMarketData> Days { get; } = [];

        public void Add(ExchangeEvent e, long seq, Ledger ledger)
        {
            switch (e)
            {
                case CashDeposited x:
                    Touch(seq, x.Account);
                    break;
                case CashWithdrawn x:
                    Touch(seq, x.Account);
                    break;
                case InstrumentListed:
                    break;
                case OrderPlaced x:
                    OrderRow placed = New(x.OrderId, x.Account, x.Instrument, "Listed", x.Side, x.Type.ToString(),
                        x.TimeInForce.ToString(), x.Price.FenPerTonne, x.Quantity.Grams, seq, x.At);
                    Finish(placed, x.Fills, x.Status, x.Open.Grams, x.CancelReason);
                    Fills(x.Fills, x.OrderId, x.Account, x.Side, x.Instrument, seq, x.At, ledger);
                    break;
                case OrderAmended x:
                    OrderRow amended = Get(x.OrderId, seq);
                    amended.Price = x.Price.FenPerTonne;
                    Finish(amended, x.Fills, x.Status, x.Open.Grams, x.CancelReason);
                    Fills(x.Fills, x.OrderId, x.Account, x.Side, x.Instrument, seq, x.At, ledger);
                    break;
                case OrderCancelled x:
                    End(Get(x.OrderId, seq), "cancelled", CancelReason.Requested);
                    Touch(seq, x.Account);
                    Books.Add(x.Instrument);
                    break;
                case TradingDayOpened x:
                    Expire(x.Cancelled, seq);
                    x.Proceeds.ToList().ForEach(p => Touch(seq, p.Account));
                    ledger.AllListings().ToList().ForEach(l => Books.Add(l.Instrument));
                    break;
                case TradingDayClosed x:
                    Expire(x.Expired, seq);
                    Days.AddRange(x.MarketData);
                    ledger.AllListings().ToList().ForEach(l => Books.Add(l.Instrument));
                    break;
                default:
                    AddOtherModes(e, seq, ledger);
                    break;
            }
        }

        private void AddOtherModes(ExchangeEvent e, long seq, Ledger ledger)
        {
            switch (e)
            {
                case BlockOrderPosted x:
                    New(x.BlockOrderId, x.Account, x.Instrument, "Block", x.Side, "Limit", null, x.Price.FenPerTonne,
                        x.Quantity.Grams, seq, x.At);
                    Touch(seq, x.Account);
                    break;
                case BlockTradeConfirmed x:
                    OrderRow block = Get(x.BlockOrderId, seq);
                    block.Filled += x.Quantity.Grams;
                    End(block, "filled", CancelReason.None);
                    bool posterSells = x.Seller != x.Confirmer;
                    Trades.Add(new TradeRow(x.TradeId, x.Instrument.ToString(), "Block", x.Price.FenPerTonne,
                        x.Quantity.Grams, x.Buyer.Value, x.Seller.Value, posterSells ? 0 : x.BlockOrderId,
                        posterSells ? x.BlockOrderId : 0, x.BuyerFee.Fen, x.SellerFee.Fen, seq, x.At));
                    Touch(seq, x.Buyer, x.Seller);
                    TouchFees(seq, ledger);
                    break;
                case BlockOrderWithdrawn x:
                    End(Get(x.BlockOrderId, seq), "withdrawn", CancelReason.Requested);
                    Touch(seq, x.Account);
                    break;
                case AuctionAnnounced x:
                    New(x.AuctionId, x.Account, x.Instrument, "Auction", Side.Sell, "Auction", null,
                        x.FloorPrice.FenPerTonne, x.Quantity.Grams, seq, x.At);
                    break;
                case BidPlaced x:
                    New(x.BidId, x.Account, x.Instrument, "Bid", Side.Buy, "Limit", null, x.Price.FenPerTonne,
                        x.Quantity.Grams, seq, x.At);
                    Touch(seq, x.Account);
                    break;
                case AuctionClosed x:
                    CloseAuction(x, seq, ledger);
                    break;
                default:
                    throw new ArgumentOutOfRangeException(
                        nameof(e), e.GetType().Name, "exchange event without a read model");
            }
        }

        private void CloseAuction(AuctionClosed x, long seq, Ledger ledger)
        {
            long sold = 0;
            foreach (AuctionAllocation a in x.Allocations)
            {
                OrderRow bid = Get(a.BidId, seq);
                bid.Filled += a.Quantity.Grams;
                End(bid, a.Quantity.Grams > 0 ? "filled" : "unfilled", CancelReason.None);
                Touch(seq, a.Account);
                sold += a.Quantity.Grams;
                if (a.Quantity.Grams > 0)
                {
                    Trades.Add(new TradeRow(a.TradeId, x.Instrument.ToString(), "Auction", a.Price.FenPerTonne,
                        a.Quantity.Grams, a.Account.Value, x.Seller.Value, a.BidId, x.AuctionId, a.BuyerFee.Fen,
                        a.SellerFee.Fen, seq, x.At));
                }
            }

            OrderRow auction = Get(x.AuctionId, seq);
            auction.Filled += sold;
            End(auction, "closed", CancelReason.None);
            Touch(seq, x.Seller);
            TouchFees(seq, ledger);
        }

        private void Fills(IReadOnlyList<TradeFill> fills, long taker, AccountId account, Side side,
            InstrumentId instrument, long seq, Instant at, Ledger ledger)
        {
            Touch(seq, account);
            Books.Add(instrument);
            foreach (TradeFill f in fills)
            {
                OrderRow maker = Get(f.MakerOrder, seq);
                maker.Open = f.MakerRemaining.Grams;
                maker.Filled += f.Quantity.Grams;
                if (f.MakerRemaining.Grams == 0)
                {
                    maker.Status = "filled";
                }

                bool buys = side == Side.Buy;
                Trades.Add(new TradeRow(f.TradeId, instrument.ToString(), "Listed", f.Price.FenPerTonne,
                    f.Quantity.Grams, buys ? account.Value : f.MakerAccount.Value,
                    buys ? f.MakerAccount.Value : account.Value, buys ? taker : f.MakerOrder,
                    buys ? f.MakerOrder : taker, f.BuyerFee.Fen, f.SellerFee.Fen, seq, at));
                Touch(seq, f.MakerAccount);
            }

            if (fills.Count > 0)
            {
                TouchFees(seq, ledger);
            }
        }

        private static void Finish(OrderRow row, IReadOnlyList<TradeFill> fills, OrderStatus status, long open,
            CancelReason reason)
        {
            row.Filled += fills.Sum(f => f.Quantity.Grams);
            row.Open = open;
            row.Status = status switch
            {
                OrderStatus.Resting => "open",
                OrderStatus.Filled => "filled",
                _ => "cancelled",
            };
            row.Reason = status == OrderStatus.Cancelled ? reason.ToString() : row.Reason;
        }

        private void Expire(IReadOnlyList<OrderExpiry> expiries, long seq)
        {
            foreach (OrderExpiry x in expiries)
            {
                End(Get(x.OrderId, seq), x.Reason == CancelReason.Expired ? "expired" : "cancelled", x.Reason);
                Touch(seq, x.Account);
            }
        }

        private static void End(OrderRow row, string status, CancelReason reason)
        {
            row.Open = 0;
            row.Status = status;
            row.Reason = reason == CancelReason.None ? row.Reason : reason.ToString();
        }

        private OrderRow New(long id, AccountId account, InstrumentId instrument, string mode, Side side, string type,
            string? tif, long price, long quantity, long seq, Instant at)
        {
            var row = new OrderRow(id, true)
            {
                Account = account.Value, Instrument = instrument.ToString(), Mode = mode, Side = side.ToString(),
                Type = type, Tif = tif, Price = price, Quantity = quantity, Open = quantity, Status = "open",
                PlacedSeq = seq, PlacedAt = at, LastSeq = seq,
            };
            Orders.Add(id, row);
            return row;
        }

        private OrderRow Get(long id, long seq)
        {
            if (!Orders.TryGetValue(id, out OrderRow? row))
            {
                if (FromStart)
                {
                    throw new InvalidOperationException(
                        $"order {id} changed at sequence {seq} but was never placed or had already finished");
                }

                row = new OrderRow(id, false);
                Orders.Add(id, row);
            }

            row.LastSeq = seq;
            return row;
        }

        private void Touch(long seq, params ReadOnlySpan<AccountId> accounts)
        {
            foreach (AccountId a in accounts)
            {
                Cash[a] = seq;
            }
        }

        private void TouchFees(long seq, Ledger ledger)
        {
            if (ledger.ExchangeFeeAccount is { } fees)
            {
                Cash[fees] = seq;
            }
        }
    }

    /// <summary>One order's row, or the changes to an existing row (<see cref="IsNew"/> false).</summary>
    internal sealed class OrderRow(long id, bool isNew)
    {
        public long Id { get; } = id;

        public bool IsNew { get; } = isNew;

        public string? Account { get; init; }

        public string? Instrument { get; init; }

        public string? Mode { get; init; }

        public string? Side { get; init; }

        public string? Type { get; init; }

        public string? Tif { get; init; }

        public long? Price { get; set; }

        public long Quantity { get; init; }

        public long Open { get; set; }

        public long Filled { get; set; }

        public string? Status { get; set; }

        public string? Reason { get; set; }

        public long PlacedSeq { get; init; }

        public Instant PlacedAt { get; init; }

        public long LastSeq { get; set; }
    }

    internal sealed record TradeRow(
        long Id, string Instrument, string Mode, long Price, long Quantity, string Buyer, string Seller, long BuyOrder,
        long SellOrder, long BuyerFee, long SellerFee, long Seq, Instant At);
}
