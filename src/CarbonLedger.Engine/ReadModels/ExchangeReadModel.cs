using CarbonLedger.Domain.Exchange;
using CarbonLedger.Domain.Identity;
using CarbonLedger.Domain.Instruments;
using CarbonLedger.Domain.Registry;
using CarbonLedger.Domain.Trading;
using CarbonLedger.Engine.Journal;

namespace CarbonLedger.Engine.ReadModels;

/// <summary>
/// The exchange's read models for one batch: cash of every account the batch touched (current values from the
/// core), order status (new orders inserted with their state at the end of the batch, older ones updated),
/// trades, top-5 depth of touched books (current values) and each closed day's market data. Used by the live
/// writer and by rebuilds alike, so a rebuild equals the live tables.
/// </summary>
internal sealed partial class ExchangeReadModel(string schema)
{
    private const int DepthLevels = 5;

    public IEnumerable<SqlCommandSpec> For(IReadOnlyList<JournalEntry> entries, Ledger ledger)
    {
        var batch = new Batch();
        foreach (JournalEntry entry in entries)
        {
            if (entry.Event is ExchangeEvent e)
            {
                batch.Add(e, entry.Stamp.Sequence, ledger);
            }
        }

        if (batch.Cash.Count > 0)
        {
            yield return Cash(batch.Cash, ledger);
        }

        var fresh = batch.Orders.Values.Where(o => o.IsNew).ToList();
        var updates = batch.Orders.Values.Where(o => !o.IsNew).ToList();
        if (fresh.Count > 0)
        {
            yield return InsertOrders(fresh);
        }

        if (updates.Count > 0)
        {
            yield return UpdateOrders(updates);
        }

        if (batch.Trades.Count > 0)
        {
            yield return Trades(batch.Trades);
        }

        if (batch.Books.Count > 0)
        {
            foreach (SqlCommandSpec spec in Depth(batch.Books, ledger))
            {
                yield return spec;
            }
        }

        if (batch.Days.Count > 0)
        {
            yield return MarketData(batch.Days);
        }
    }

    private SqlCommandSpec Cash(Dictionary<AccountId, long> touched, Ledger ledger)
    {
        var rows = touched.Select(t => (Account: t.Key, Cash: ledger.GetCash(t.Key), Seq: t.Value)).ToList();
        return new SqlCommandSpec(
            $"""
            INSERT INTO {schema}.rm_cash (account, total, locked, proceeds, withdrawable, last_seq)
            SELECT * FROM unnest(CAST(? AS text[]), CAST(? AS bigint[]), CAST(? AS bigint[]), CAST(? AS bigint[]),
                                 CAST(? AS bigint[]), CAST(? AS bigint[]))
            ON CONFLICT (account) DO UPDATE SET total = excluded.total, locked = excluded.locked,
                proceeds = excluded.proceeds, withdrawable = excluded.withdrawable, last_seq = excluded.last_seq
            """,
            [
                rows.Select(r => r.Account.Value).ToArray(), rows.Select(r => r.Cash.Total.Fen).ToArray(),
                rows.Select(r => r.Cash.Locked.Fen).ToArray(), rows.Select(r => r.Cash.Proceeds.Fen).ToArray(),
                rows.Select(r => r.Cash.Withdrawable.Fen).ToArray(), rows.Select(r => r.Seq).ToArray(),
            ]);
    }

    private SqlCommandSpec InsertOrders(List<OrderRow> rows) => new(
        $"""
        INSERT INTO {schema}.rm_orders (order_id, account, instrument, mode, side, type, tif, price, quantity, open,
            filled, status, cancel_reason, placed_seq, placed_at, last_seq)
        SELECT * FROM unnest(CAST(? AS bigint[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]),
            CAST(? AS text[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS bigint[]), CAST(? AS bigint[]),
            CAST(? AS bigint[]), CAST(? AS bigint[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS bigint[]),
            CAST(? AS timestamptz[]), CAST(? AS bigint[]))
        """,
        [
            rows.Select(r => r.Id).ToArray(), rows.Select(r => r.Account).ToArray(),
            rows.Select(r => r.Instrument).ToArray(), rows.Select(r => r.Mode).ToArray(),
            rows.Select(r => r.Side).ToArray(), rows.Select(r => r.Type).ToArray(), rows.Select(r => r.Tif).ToArray(),
            rows.Select(r => r.Price ?? 0).ToArray(), rows.Select(r => r.Quantity).ToArray(),
            rows.Select(r => r.Open).ToArray(), rows.Select(r => r.Filled).ToArray(),
            rows.Select(r => r.Status).ToArray(), rows.Select(r => r.Reason).ToArray(),
            rows.Select(r => r.PlacedSeq).ToArray(), rows.Select(r => r.PlacedAt.ToDateTimeOffset()).ToArray(),
            rows.Select(r => r.LastSeq).ToArray(),
        ]);

    // The redundant `= ANY(ids)` keeps the plan on the primary key: joined to unnest alone, a batch of a few
    // hundred ids made the planner pick a hash join over a sequential scan of the whole table once it held some
    // 100,000 orders (it prices each index probe as a random read), a cost that grows with the table.
    private SqlCommandSpec UpdateOrders(List<OrderRow> rows) => new(
        $"""
        UPDATE {schema}.rm_orders o SET open = u.open, filled = o.filled + u.filled, price = COALESCE(u.price, o.price),
            status = COALESCE(u.status, o.status), cancel_reason = COALESCE(u.reason, o.cancel_reason),
            last_seq = u.last_seq
        FROM unnest(CAST(? AS bigint[]), CAST(? AS bigint[]), CAST(? AS bigint[]), CAST(? AS bigint[]),
                    CAST(? AS text[]), CAST(? AS text[]), CAST(? AS bigint[]))
            AS u(id, open, filled, price, status, reason, last_seq)
        WHERE o.order_id = u.id AND o.order_id = ANY(CAST(? AS bigint[]))
        """,
        [
            rows.Select(r => r.Id).ToArray(), rows.Select(r => r.Open).ToArray(), rows.Select(r => r.Filled).ToArray(),
            rows.Select(r => r.Price).ToArray(), rows.Select(r => r.Status).ToArray(),
            rows.Select(r => r.Reason).ToArray(), rows.Select(r => r.LastSeq).ToArray(),
            rows.Select(r => r.Id).ToArray(),
        ]);

    private SqlCommandSpec Trades(List<TradeRow> rows) => new(
        $"""
        INSERT INTO {schema}.rm_trades (trade_id, instrument, mode, price, quantity, buyer, seller, buy_order,
            sell_order, buyer_fee, seller_fee, seq, at)
        SELECT * FROM unnest(CAST(? AS bigint[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS bigint[]),
            CAST(? AS bigint[]), CAST(? AS text[]), CAST(? AS text[]), CAST(? AS bigint[]), CAST(? AS bigint[]),
            CAST(? AS bigint[]), CAST(? AS bigint[]), CAST(? AS bigint[]), CAST(? AS timestamptz[]))
        """,
        [
            rows.Select(r => r.Id).ToArray(), rows.Select(r => r.Instrument).ToArray(),
            rows.Select(r => r.Mode).ToArray(), rows.Select(r => r.Price).ToArray(),
            rows.Select(r => r.Quantity).ToArray(), rows.Select(r => r.Buyer).ToArray(),
            rows.Select(r => r.Seller).ToArray(), rows.Select(r => r.BuyOrder).ToArray(),
            rows.Select(r => r.SellOrder).ToArray(), rows.Select(r => r.BuyerFee).ToArray(),
            rows.Select(r => r.SellerFee).ToArray(), rows.Select(r => r.Seq).ToArray(),
            rows.Select(r => r.At.ToDateTimeOffset()).ToArray(),
        ]);

    private IEnumerable<SqlCommandSpec> Depth(HashSet<InstrumentId> books, Ledger ledger)
    {
        string[] names = books.Select(b => b.ToString()).ToArray();
        yield return new SqlCommandSpec($"DELETE FROM {schema}.rm_depth WHERE instrument = ANY(CAST(? AS text[]))",
            [names]);
        var rows = new List<(string Instrument, string Side, int Level, DepthLevel Depth)>();
        Span<DepthLevel> levels = stackalloc DepthLevel[DepthLevels];
        foreach (InstrumentId instrument in books)
        {
            foreach (Side side in new[] { Side.Buy, Side.Sell })
            {
                int n = ledger.CopyDepth(instrument, side, levels);
                for (int i = 0; i < n; i++)
                {
                    rows.Add((instrument.ToString(), side.ToString(), i + 1, levels[i]));
                }
            }
        }

        yield return new SqlCommandSpec(
            $"""
            INSERT INTO {schema}.rm_depth (instrument, side, level, price, quantity, orders)
            SELECT * FROM unnest(CAST(? AS text[]), CAST(? AS text[]), CAST(? AS int[]), CAST(? AS bigint[]),
                                 CAST(? AS bigint[]), CAST(? AS int[]))
            """,
            [
                rows.Select(r => r.Instrument).ToArray(), rows.Select(r => r.Side).ToArray(),
                rows.Select(r => r.Level).ToArray(), rows.Select(r => r.Depth.Price.FenPerTonne).ToArray(),
                rows.Select(r => r.Depth.Quantity.Grams).ToArray(), rows.Select(r => r.Depth.Orders).ToArray(),
            ]);
    }

    private SqlCommandSpec MarketData(List<DailyMarketData> days) => new(
        $"""
        INSERT INTO {schema}.rm_market_data (instrument, date, prev_close, open, high, low, close, listed_volume,
            listed_turnover, block_volume, block_turnover, auction_volume, auction_turnover, trades)
        SELECT * FROM unnest(CAST(? AS text[]), CAST(? AS date[]), CAST(? AS bigint[]), CAST(? AS bigint[]),
            CAST(? AS bigint[]), CAST(? AS bigint[]), CAST(? AS bigint[]), CAST(? AS bigint[]), CAST(? AS bigint[]),
            CAST(? AS bigint[]), CAST(? AS bigint[]), CAST(? AS bigint[]), CAST(? AS bigint[]), CAST(? AS int[]))
        """,
        [
            days.Select(d => d.Instrument.ToString()).ToArray(),
            days.Select(d => new DateOnly(d.Date.Year, d.Date.Month, d.Date.Day)).ToArray(),
            days.Select(d => d.PreviousClose.FenPerTonne).ToArray(), days.Select(d => d.Open.FenPerTonne).ToArray(),
            days.Select(d => d.High.FenPerTonne).ToArray(), days.Select(d => d.Low.FenPerTonne).ToArray(),
            days.Select(d => d.Close.FenPerTonne).ToArray(), days.Select(d => d.ListedVolume.Grams).ToArray(),
            days.Select(d => d.ListedTurnover.Fen).ToArray(), days.Select(d => d.BlockVolume.Grams).ToArray(),
            days.Select(d => d.BlockTurnover.Fen).ToArray(), days.Select(d => d.AuctionVolume.Grams).ToArray(),
            days.Select(d => d.AuctionTurnover.Fen).ToArray(), days.Select(d => d.Trades).ToArray(),
        ]);
}
