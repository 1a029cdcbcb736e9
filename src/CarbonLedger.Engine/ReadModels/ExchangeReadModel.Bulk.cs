using CarbonLedger.Domain.Exchange;
using CarbonLedger.Domain.Registry;
using Npgsql;
using NpgsqlTypes;

namespace CarbonLedger.Engine.ReadModels;

/// <summary>
/// The exchange's part of a bulk load (<see cref="ReadModelBulkLoad"/>): rows that never change again (trades,
/// closed days, finished orders) go out by binary COPY as the replay produces them; the current-state rows (cash,
/// orders still open, depth) are written once at the end, with the same statements as a live batch.
/// </summary>
internal sealed partial class ExchangeReadModel
{
    /// <summary>The current-state statements for everything <paramref name="batch"/> still holds.</summary>
    public IEnumerable<SqlCommandSpec> State(Batch batch, Ledger ledger)
    {
        if (batch.Cash.Count > 0)
        {
            yield return Cash(batch.Cash, ledger);
        }

        if (batch.Orders.Count > 0)
        {
            yield return InsertOrders([.. batch.Orders.Values]);
        }

        if (batch.Books.Count > 0)
        {
            foreach (SqlCommandSpec spec in Depth(batch.Books, ledger))
            {
                yield return spec;
            }
        }
    }

    /// <summary>Removes the orders that have finished (no longer open) from <paramref name="batch"/>.</summary>
    public static List<OrderRow> TakeFinished(Batch batch)
    {
        var finished = new List<OrderRow>();
        foreach (OrderRow row in batch.Orders.Values)
        {
            if (row.Status != "open")
            {
                finished.Add(row);
            }
        }

        foreach (OrderRow row in finished)
        {
            batch.Orders.Remove(row.Id);
        }

        return finished;
    }

    public void CopyOrders(NpgsqlConnection connection, List<OrderRow> rows)
    {
        using NpgsqlBinaryImporter copy = connection.BeginBinaryImport(
            $"""
            COPY {schema}.rm_orders (order_id, account, instrument, mode, side, type, tif, price, quantity, open,
                filled, status, cancel_reason, placed_seq, placed_at, last_seq) FROM STDIN (FORMAT BINARY)
            """);
        foreach (OrderRow r in rows)
        {
            copy.StartRow();
            copy.Write(r.Id, NpgsqlDbType.Bigint);
            CopyText(copy, r.Account);
            CopyText(copy, r.Instrument);
            CopyText(copy, r.Mode);
            CopyText(copy, r.Side);
            CopyText(copy, r.Type);
            CopyText(copy, r.Tif);
            copy.Write(r.Price ?? 0, NpgsqlDbType.Bigint);
            copy.Write(r.Quantity, NpgsqlDbType.Bigint);
            copy.Write(r.Open, NpgsqlDbType.Bigint);
            copy.Write(r.Filled, NpgsqlDbType.Bigint);
            CopyText(copy, r.Status);
            CopyText(copy, r.Reason);
            copy.Write(r.PlacedSeq, NpgsqlDbType.Bigint);
            copy.Write(r.PlacedAt.ToDateTimeUtc(), NpgsqlDbType.TimestampTz);
            copy.Write(r.LastSeq, NpgsqlDbType.Bigint);
        }

        copy.Complete();
    }

    public void CopyTrades(NpgsqlConnection connection, List<TradeRow> rows)
    {
        using NpgsqlBinaryImporter copy = connection.BeginBinaryImport(
            $"""
            COPY {schema}.rm_trades (trade_id, instrument, mode, price, quantity, buyer, seller, buy_order, sell_order,
                buyer_fee, seller_fee, seq, at) FROM STDIN (FORMAT BINARY)
            """);
        foreach (TradeRow r in rows)
        {
            copy.StartRow();
            copy.Write(r.Id, NpgsqlDbType.Bigint);
            copy.Write(r.Instrument, NpgsqlDbType.Text);
            copy.Write(r.Mode, NpgsqlDbType.Text);
            copy.Write(r.Price, NpgsqlDbType.Bigint);
            copy.Write(r.Quantity, NpgsqlDbType.Bigint);
            copy.Write(r.Buyer, NpgsqlDbType.Text);
            copy.Write(r.Seller, NpgsqlDbType.Text);
            copy.Write(r.BuyOrder, NpgsqlDbType.Bigint);
            copy.Write(r.SellOrder, NpgsqlDbType.Bigint);
            copy.Write(r.BuyerFee, NpgsqlDbType.Bigint);
            copy.Write(r.SellerFee, NpgsqlDbType.Bigint);
            copy.Write(r.Seq, NpgsqlDbType.Bigint);
            copy.Write(r.At.ToDateTimeUtc(), NpgsqlDbType.TimestampTz);
        }

        copy.Complete();
    }

    public void CopyMarketData(NpgsqlConnection connection, List<DailyMarketData> days)
    {
        using NpgsqlBinaryImporter copy = connection.BeginBinaryImport(
            $"""
            COPY {schema}.rm_market_data (instrument, date, prev_close, open, high, low, close, listed_volume,
                listed_turnover, block_volume, block_turnover, auction_volume, auction_turnover, trades)
                FROM STDIN (FORMAT BINARY)
            """);
        foreach (DailyMarketData d in days)
        {
            copy.StartRow();
            copy.Write(d.Instrument.ToString(), NpgsqlDbType.Text);
            copy.Write(new DateOnly(d.Date.Year, d.Date.Month, d.Date.Day), NpgsqlDbType.Date);
            copy.Write(d.PreviousClose.FenPerTonne, NpgsqlDbType.Bigint);
            copy.Write(d.Open.FenPerTonne, NpgsqlDbType.Bigint);
            copy.Write(d.High.FenPerTonne, NpgsqlDbType.Bigint);
            copy.Write(d.Low.FenPerTonne, NpgsqlDbType.Bigint);
            copy.Write(d.Close.FenPerTonne, NpgsqlDbType.Bigint);
            copy.Write(d.ListedVolume.Grams, NpgsqlDbType.Bigint);
            copy.Write(d.ListedTurnover.Fen, NpgsqlDbType.Bigint);
            copy.Write(d.BlockVolume.Grams, NpgsqlDbType.Bigint);
            copy.Write(d.BlockTurnover.Fen, NpgsqlDbType.Bigint);
            copy.Write(d.AuctionVolume.Grams, NpgsqlDbType.Bigint);
            copy.Write(d.AuctionTurnover.Fen, NpgsqlDbType.Bigint);
            copy.Write(d.Trades, NpgsqlDbType.Integer);
        }

        copy.Complete();
    }

    /// <summary>A text column that may be NULL.</summary>
    internal static void CopyText(NpgsqlBinaryImporter copy, string? value)
    {
        if (value is null)
        {
            copy.WriteNull();
        }
        else
        {
            copy.Write(value, NpgsqlDbType.Text);
        }
    }
}
