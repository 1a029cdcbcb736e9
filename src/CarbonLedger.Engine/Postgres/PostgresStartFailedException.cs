namespace CarbonLedger.Engine.Postgres;

/// <summary>
/// The embedded PostgreSQL server could not be provisioned: the data folder was unusable, <c>initdb</c> or
/// <c>pg_ctl start</c> failed, or the server did not accept connections in time. The message carries the tail
/// of the server log, since that is where PostgreSQL explains itself.
/// </summary>
public sealed class PostgresStartFailedException : Exception
{
    /// <summary>Creates the exception with a generic message.</summary>
    public PostgresStartFailedException()
        : base("The embedded PostgreSQL server could not be started.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public PostgresStartFailedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public PostgresStartFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
