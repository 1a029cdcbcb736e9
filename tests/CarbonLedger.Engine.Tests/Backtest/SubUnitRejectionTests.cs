using CarbonLedger.Domain.Instruments;
using CarbonLedger.Domain.Quantities;
using CarbonLedger.Domain.Rules;

namespace CarbonLedger.Engine.Tests.Backtest;

/// <summary>
/// The run answers for the book when a price is below the fen or a quantity below the gram. Differential
/// check: under rules with a 2-fen tick and a 2 t lot, 80.01 and 3 t are off tick / off lot for the real
/// book, so the same rows with 80.005 and 1.0000005 t under the default rules must give the same outputs,
/// whatever check fails first.
/// </summary>
public sealed class SubUnitRejectionTests
{
    private const string Setup =
        "open_day,2025-03-03,CEA-2024,,,,,80.00,,\n" +
        "limit,2025-03-03 09:30:00,CEA-2024,1,1,B,GTC,80.00,10,\n" +
        "limit,2025-03-03 09:30:00,CEA-2024,2,2,S,GTC,81.00,10,";

    [Theory]
    [InlineData("limit,2025-03-03 10:00:00,CEA-2024,9,9,B,GTC,{price},{quantity},", "PriceOffTick",
        "QuantityNotLotMultiple")]
    [InlineData("limit,2025-03-03 12:00:00,CEA-2024,9,9,B,GTC,{price},{quantity},", "OutsideSession",
        "OutsideSession")]
    [InlineData("limit,2025-03-03 10:00:00,CEA-2024,0,9,B,GTC,{price},{quantity},", "InvalidOrderId",
        "InvalidOrderId")]
    [InlineData("limit,2025-03-03 10:00:00,CEA-2024,1,9,B,GTC,{price},{quantity},", "DuplicateOrderId",
        "DuplicateOrderId")]
    [InlineData("limit,2025-03-03 10:00:00,CEA-2024,9,9,B,GTC,{price},0,", "QuantityNotPositive",
        "QuantityNotPositive")]
    [InlineData("limit,2025-03-03 10:00:00,CEA-2024,9,9,B,GTC,{price},100000,", "QuantityAboveMaximum",
        "QuantityAboveMaximum")]
    [InlineData("limit,2025-03-03 10:00:00,CEA-2024,9,9,B,GTC,-{price},10,", "PriceNotPositive",
        "PriceNotPositive")]
    [InlineData("amend,2025-03-03 10:00:00,CEA-2024,5,1,,,{price},{quantity},", "OrderNotResting",
        "OrderNotResting")]
    [InlineData("amend,2025-03-03 10:00:00,CEA-2024,1,9,,,{price},{quantity},", "NotOrderOwner",
        "NotOrderOwner")]
    [InlineData("amend,2025-03-03 10:00:00,CEA-2024,1,1,,,{price},{quantity},", "PriceOffTick",
        "QuantityNotLotMultiple")]
    [InlineData("market,2025-03-03 10:00:00,CEA-2024,9,9,S,GTC,,{quantity},", null, "MarketOrderNotImmediate")]
    [InlineData("market,2025-03-03 10:00:00,CEA-2024,9,9,S,IOC,,{quantity},", null, "QuantityNotLotMultiple")]
    [InlineData("pick,2025-03-03 10:00:00,CEA-2024,9,9,S,,,{quantity},1", null, "QuantityNotLotMultiple")]
    public void Run_SubUnitAmount_RejectsAsTheBookRejectsAnOffTickOrOffLotAmount(
        string probe, string? priceCode, string quantityCode)
    {
        if (priceCode is not null)
        {
            MatchCsv.Result subFen = Run(probe, DefaultRuleBook.Create(), price: "80.005", quantity: "10");
            MatchCsv.Result offTick = Run(probe, TwoFenTwoTonneRules(), price: "80.01", quantity: "10");
            Assert.Equal(offTick.Lines, subFen.Lines);
            Assert.EndsWith($",rejected,{Field(probe, 3)},{Field(probe, 4)},{Field(probe, 5)},,,,,,,,{priceCode},,,",
                subFen.Lines[^1], StringComparison.Ordinal);
        }

        MatchCsv.Result subGram = Run(probe, DefaultRuleBook.Create(), price: "80.00", quantity: "1.0000005");
        MatchCsv.Result offLot = Run(probe, TwoFenTwoTonneRules(), price: "80.00", quantity: "3");
        Assert.Equal(offLot.Lines, subGram.Lines);
        Assert.EndsWith($",{quantityCode},,,", subGram.Lines[^1], StringComparison.Ordinal);
    }

    private static MatchCsv.Result Run(string probe, RuleBook rules, string price, string quantity) =>
        MatchCsv.Run(MatchCsv.Text(
            Setup, probe.Replace("{price}", price, StringComparison.Ordinal)
                .Replace("{quantity}", quantity, StringComparison.Ordinal)), rules);

    private static string Field(string row, int index) => row.Split(',')[index];

    /// <summary>The listed rules with a 2-fen tick and a 2 t lot (minimum 2 t); everything else the same.</summary>
    private static RuleBook TwoFenTwoTonneRules()
    {
        MarketRules listed = DefaultRuleBook.Listed;
        var rules = new MarketRules(
            "TEST-TICK2-LOT2", TradingMode.Listed, Price.FromFenPerTonne(2), Co2e.FromTonnes(2), Co2e.FromTonnes(2),
            listed.MaximumQuantity, listed.BandBasisPoints, listed.Sessions, listed.PickDepthLevels);
        return RuleBook.Empty(DefaultRuleBook.Shanghai)
            .WithMarketRules(Programme.Cea, DefaultRuleBook.MarketOpened, rules);
    }
}
