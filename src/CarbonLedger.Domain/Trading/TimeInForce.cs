namespace CarbonLedger.Domain.Trading;

/// <summary>How long an order's unfilled part may rest. Stable values: they appear in snapshots.</summary>
public enum TimeInForce : byte
{
    /// <summary>Good till cancelled: rests across trading days.</summary>
    Gtc = 1,

    /// <summary>Rests until the end of the trading day, then expires.</summary>
    Day = 2,

    /// <summary>Immediate or cancel: trades what it can now, the rest is cancelled; never rests.</summary>
    Ioc = 3,

    /// <summary>Fill or kill: trades its whole quantity now or nothing at all; never rests.</summary>
    Fok = 4,
}

/// <summary>Facts about time in force.</summary>
public static class TimeInForceFacts
{
    /// <summary>True for IOC and FOK, which never rest in the book.</summary>
    public static bool IsImmediate(this TimeInForce tif) => tif is TimeInForce.Ioc or TimeInForce.Fok;
}
