namespace CarbonLedger.Engine.Backtest;

/// <summary>
/// The order CSV cannot be read at all (no header, or a header that does not name the columns): unlike a
/// malformed row, no row after it could be interpreted, so the run stops.
/// </summary>
public sealed class OrderCsvFormatException : Exception
{
    /// <summary>Creates the exception.</summary>
    public OrderCsvFormatException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public OrderCsvFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public OrderCsvFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
