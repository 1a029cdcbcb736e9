using CarbonLedger.Domain.Instruments;
using CarbonLedger.Domain.Quantities;
using CarbonLedger.Domain.Rules;
using CarbonLedger.Domain.Trading;
using CarbonLedger.Testing.Reference;
using NodaTime;

namespace CarbonLedger.Domain.Tests.Trading;

/// <summary>
/// After <c>CloseDay</c> the book takes no new trading until the next day opens, even at a time inside the
/// closed day's sessions; cancels still work. Run against both books.
/// </summary>
public sealed class OrderBookDayCloseTests
{
    private static readonly InstrumentId Cea2025 = InstrumentId.Parse("CEA-2025");

    public static TheoryData<string> Books => new() { "OrderBook", "ReferenceBook" };

    [Theory]
    [MemberData(nameof(Books))]
    public void CloseDay_ThenAddAtSessionTime_RejectedOutsideSessionUntilNextDayOpens(string kind)
    {
        TradingDay monday = Day(new LocalDate(2026, 11, 23));
        IOrderBook book = kind == "OrderBook" ? new OrderBook(Cea2025, monday) : new ReferenceBook(Cea2025, monday);
        var output = new BookOutput();
        Instant at = monday.FirstSessionStart + Duration.FromHours(1);
        book.Execute(Limit(1, Side.Buy, at, TimeInForce.Gtc), output);
        book.CloseDay(output);
        output.Clear();

        book.Execute(Limit(2, Side.Buy, at, TimeInForce.Gtc), output);
        book.Execute(OrderCommand.Amend(Cea2025, new OrderId(1), new TraderId(1), Price.FromYuanPerTonne(79),
            Co2e.FromTonnes(5), at), output);

        Assert.True(book.DayClosed);
        Assert.Equal(
            [
                BookEvent.Rejected(new OrderId(2), new TraderId(1), Side.Buy, OrderRejection.OutsideSession),
                BookEvent.Rejected(new OrderId(1), new TraderId(1), default, OrderRejection.OutsideSession),
            ],
            output.Events.ToArray());

        // A cancel is still possible while closed; the next day trades again.
        output.Clear();
        book.Execute(OrderCommand.Cancel(Cea2025, new OrderId(1), new TraderId(1), at), output);
        Assert.Equal(CancelReason.Requested, output[0].Reason);
        TradingDay tuesday = Day(new LocalDate(2026, 11, 24));
        book.OpenDay(tuesday, output);
        output.Clear();
        book.Execute(Limit(3, Side.Buy, tuesday.FirstSessionStart, TimeInForce.Gtc), output);
        Assert.False(book.DayClosed);
        Assert.Equal([BookEventKind.Accepted, BookEventKind.Rested], output.Events.ToArray().Select(e => e.Kind));
    }

    [Fact]
    public void CloseDay_SnapshotRestore_KeepsTheClosedDay()
    {
        TradingDay monday = Day(new LocalDate(2026, 11, 23));
        var book = new OrderBook(Cea2025, monday);
        book.CloseDay(new BookOutput());

        OrderBook restored = OrderBook.Restore(book.Snapshot());

        Assert.True(restored.DayClosed);
        Assert.Equal(book.Snapshot(), restored.Snapshot());
        Assert.NotEqual(BookSnapshot.Hash(new OrderBook(Cea2025, monday).Snapshot()), BookSnapshot.Hash(book.Snapshot()));
    }

    [Fact]
    public void OrderBook_BandWiderThanTheLevelArray_RefusedWithClearError()
    {
        // ±10 % of 10,000,000 CNY/t spans 200,000,000 fen levels: far beyond MaxBandLevels.
        TradingDay huge = TradingDay.Create(
            new LocalDate(2026, 11, 23), Price.FromYuanPerTonne(10_000_000), DefaultRuleBook.Listed,
            DefaultRuleBook.Shanghai);

        var error = Assert.Throws<ArgumentException>(() => new OrderBook(Cea2025, huge));

        Assert.Contains("supports at most", error.Message, StringComparison.Ordinal);
    }

    private static TradingDay Day(LocalDate date) =>
        TradingDay.Create(date, Price.FromYuanPerTonne(80), DefaultRuleBook.Listed, DefaultRuleBook.Shanghai);

    private static OrderCommand Limit(long id, Side side, Instant at, TimeInForce tif) =>
        OrderCommand.Limit(Cea2025, new OrderId(id), new TraderId(1), side, Price.FromYuanPerTonne(79),
            Co2e.FromTonnes(5), tif, at);
}
