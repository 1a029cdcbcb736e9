namespace CarbonLedger.Engine.Postgres;

/// <summary>
/// A PostgreSQL tool or helper command (<c>initdb</c>, <c>pg_ctl</c>, <c>chown</c>, …) exited with an error or
/// did not finish in time. The message holds the command line, its exit code and what it printed.
/// </summary>
public sealed class PostgresCommandFailedException : Exception
{
    /// <summary>Creates the exception with a generic message.</summary>
    public PostgresCommandFailedException()
        : base("A PostgreSQL command failed.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public PostgresCommandFailedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public PostgresCommandFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
