namespace CarbonLedger.Domain.Trading;

/// <summary>Which side of the book an order is on. Stable values: they appear in snapshots.</summary>
public enum Side : byte
{
    /// <summary>A bid.</summary>
    Buy = 1,

    /// <summary>An offer (ask).</summary>
    Sell = 2,
}

/// <summary>Facts about sides.</summary>
public static class SideFacts
{
    /// <summary>The other side.</summary>
    public static Side Opposite(this Side side) => side == Side.Buy ? Side.Sell : Side.Buy;

    /// <summary><c>B</c> or <c>S</c>.</summary>
    public static string Code(this Side side) => side == Side.Buy ? "B" : "S";
}
