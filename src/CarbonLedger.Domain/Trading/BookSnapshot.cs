using System.Buffers;
using System.Buffers.Binary;
using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using CarbonLedger.Domain.Instruments;
using CarbonLedger.Domain.Quantities;
using CarbonLedger.Domain.Rules;
using NodaTime;

namespace CarbonLedger.Domain.Trading;

/// <summary>
/// The canonical binary form of a book: instrument, trading day (with its full rule version, so a restore
/// needs nothing else), whether the day is closed, the last trade number, then the bids best-first and the
/// asks best-first, each level's orders in time priority. It names no internal slot or index, so two
/// implementations, or one book before and after a restore, in the same state write the same bytes; the
/// state hash is their SHA-256. Little-endian; format version 1.
/// </summary>
public static class BookSnapshot
{
    private const uint Magic = 0x424F_4C43; // "CLOB"
    private const int FormatVersion = 1;

    /// <summary>Bytes per order: id, trader, price, open quantity, time in force.</summary>
    private const int OrderBytes = 8 + 4 + 8 + 8 + 1;

    /// <summary>Writes a snapshot; the sides must already be in priority order.</summary>
    public static byte[] Write(
        InstrumentId instrument, TradingDay day, bool dayClosed, long lastTradeId,
        IReadOnlyList<RestingOrder> bids, IReadOnlyList<RestingOrder> asks)
    {
        ArgumentNullException.ThrowIfNull(bids);
        ArgumentNullException.ThrowIfNull(asks);
        var buffer = new ArrayBufferWriter<byte>(256 + (OrderBytes * (bids.Count + asks.Count)));
        WriteHeader(buffer, instrument, day, dayClosed, lastTradeId);
        WriteSide(buffer, bids);
        WriteSide(buffer, asks);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>
    /// Streams the snapshot's header (everything before the bids) to <paramref name="output"/>. With
    /// <see cref="WriteSideStart"/> and <see cref="WriteOrder"/> a book writes its snapshot without first
    /// copying its orders into lists (the state hash does this at every checkpoint, for every live order).
    /// </summary>
    public static void WriteHeader(
        IBufferWriter<byte> output, InstrumentId instrument, TradingDay day, bool dayClosed, long lastTradeId)
    {
        ArgumentNullException.ThrowIfNull(day);
        var w = new Writer(output);
        w.UInt32(Magic);
        w.Int32(FormatVersion);
        w.Byte((byte)instrument.Programme);
        w.Int32(instrument.Vintage.Year);
        w.Int32(day.Date.Year);
        w.Int32(day.Date.Month);
        w.Int32(day.Date.Day);
        w.Int64(day.PreviousClose.FenPerTonne);
        w.Text(day.Zone.Id);
        WriteRules(w, day.Rules);
        w.Byte(dayClosed ? (byte)1 : (byte)0);
        w.Int64(lastTradeId);
    }

    /// <summary>Starts a side (bids, then asks) of <paramref name="count"/> orders.</summary>
    public static void WriteSideStart(IBufferWriter<byte> output, int count) => new Writer(output).Int32(count);

    /// <summary>Writes one order of the current side; a side's orders go best price first, time order inside.</summary>
    public static void WriteOrder(IBufferWriter<byte> output, in RestingOrder order)
    {
        var w = new Writer(output);
        w.Int64(order.Id.Value);
        w.Int32(order.Trader.Value);
        w.Int64(order.Price.FenPerTonne);
        w.Int64(order.Open.Grams);
        w.Byte((byte)order.TimeInForce);
    }

    /// <summary>Reads a snapshot written by <see cref="Write"/>, checking its shape.</summary>
    public static BookSnapshotContent Read(ReadOnlySpan<byte> bytes)
    {
        var r = new Reader(bytes);
        if (r.UInt32() != Magic || r.Int32() != FormatVersion)
        {
            throw new FormatException("not a CarbonLedger book snapshot (format version 1)");
        }

        var instrument = new InstrumentId((Programme)r.Byte(), Vintage.Of(r.Int32()));
        var date = new LocalDate(r.Int32(), r.Int32(), r.Int32());
        var previousClose = new Price(r.Int64());
        DateTimeZone zone = DateTimeZoneProviders.Tzdb[r.Text()];
        MarketRules rules = ReadRules(ref r);
        TradingDay day = TradingDay.Create(date, previousClose, rules, zone);
        byte closed = r.Byte();
        if (closed > 1)
        {
            throw new FormatException("book snapshot has an invalid day-closed flag");
        }

        long lastTradeId = r.Int64();
        ImmutableArray<RestingOrder> bids = ReadSide(ref r, Side.Buy);
        ImmutableArray<RestingOrder> asks = ReadSide(ref r, Side.Sell);
        if (!r.AtEnd)
        {
            throw new FormatException("book snapshot has trailing bytes");
        }

        return new BookSnapshotContent(instrument, day, closed == 1, lastTradeId, bids, asks);
    }

    /// <summary>The state hash: lower-case hex SHA-256 of the snapshot bytes.</summary>
    public static string Hash(ReadOnlySpan<byte> snapshot) => Convert.ToHexStringLower(SHA256.HashData(snapshot));

    private static void WriteRules(Writer w, MarketRules rules)
    {
        w.Text(rules.Version);
        w.Byte((byte)rules.Mode);
        w.Int64(rules.Tick.FenPerTonne);
        w.Int64(rules.Lot.Grams);
        w.Int64(rules.MinimumQuantity.Grams);
        w.Int64(rules.MaximumQuantity.Grams);
        w.Int32(rules.BandBasisPoints);
        w.Int32(rules.PickDepthLevels);
        w.Int32(rules.Sessions.Length);
        foreach (SessionWindow session in rules.Sessions)
        {
            w.Int64(session.Start.NanosecondOfDay);
            w.Int64(session.End.NanosecondOfDay);
        }
    }

    private static MarketRules ReadRules(ref Reader r)
    {
        string version = r.Text();
        var mode = (TradingMode)r.Byte();
        var tick = new Price(r.Int64());
        var lot = new Co2e(r.Int64());
        var min = new Co2e(r.Int64());
        var max = new Co2e(r.Int64());
        int band = r.Int32();
        int pickDepth = r.Int32();
        int count = r.Int32();
        var sessions = ImmutableArray.CreateBuilder<SessionWindow>(count);
        for (int i = 0; i < count; i++)
        {
            sessions.Add(new SessionWindow(
                LocalTime.FromNanosecondsSinceMidnight(r.Int64()), LocalTime.FromNanosecondsSinceMidnight(r.Int64())));
        }

        return new MarketRules(version, mode, tick, lot, min, max, band, sessions.MoveToImmutable(), pickDepth);
    }

    private static void WriteSide(IBufferWriter<byte> output, IReadOnlyList<RestingOrder> orders)
    {
        WriteSideStart(output, orders.Count);
        foreach (RestingOrder order in orders)
        {
            WriteOrder(output, in order);
        }
    }

    private static ImmutableArray<RestingOrder> ReadSide(ref Reader r, Side side)
    {
        int count = r.Int32();
        if (count < 0)
        {
            throw new FormatException("book snapshot has a negative order count");
        }

        var orders = ImmutableArray.CreateBuilder<RestingOrder>(count);
        for (int i = 0; i < count; i++)
        {
            orders.Add(new RestingOrder(
                new OrderId(r.Int64()), new TraderId(r.Int32()), side, new Price(r.Int64()), new Co2e(r.Int64()),
                (TimeInForce)r.Byte()));
        }

        return orders.MoveToImmutable();
    }

    private readonly struct Writer(IBufferWriter<byte> buffer)
    {
        public void Byte(byte value)
        {
            buffer.GetSpan(1)[0] = value;
            buffer.Advance(1);
        }

        public void UInt32(uint value)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(buffer.GetSpan(4), value);
            buffer.Advance(4);
        }

        public void Int32(int value)
        {
            BinaryPrimitives.WriteInt32LittleEndian(buffer.GetSpan(4), value);
            buffer.Advance(4);
        }

        public void Int64(long value)
        {
            BinaryPrimitives.WriteInt64LittleEndian(buffer.GetSpan(8), value);
            buffer.Advance(8);
        }

        public void Text(string value)
        {
            byte[] bytes = Encoding.UTF8.GetBytes(value);
            Int32(bytes.Length);
            bytes.CopyTo(buffer.GetSpan(bytes.Length));
            buffer.Advance(bytes.Length);
        }
    }

    private ref struct Reader(ReadOnlySpan<byte> bytes)
    {
        private readonly ReadOnlySpan<byte> _bytes = bytes;
        private int _at;

        public readonly bool AtEnd => _at == _bytes.Length;

        public byte Byte() => Take(1)[0];

        public uint UInt32() => BinaryPrimitives.ReadUInt32LittleEndian(Take(4));

        public int Int32() => BinaryPrimitives.ReadInt32LittleEndian(Take(4));

        public long Int64() => BinaryPrimitives.ReadInt64LittleEndian(Take(8));

        public string Text()
        {
            int length = Int32();
            return length < 0 ? throw new FormatException("book snapshot has a negative text length")
                : Encoding.UTF8.GetString(Take(length));
        }

        private ReadOnlySpan<byte> Take(int count)
        {
            if (count > _bytes.Length - _at)
            {
                throw new FormatException("book snapshot is truncated");
            }

            ReadOnlySpan<byte> slice = _bytes.Slice(_at, count);
            _at += count;
            return slice;
        }
    }
}
