namespace CarbonLedger.Engine.Postgres;

/// <summary>
/// The environment variables that decide where CarbonLedger's database lives. They are named in one place
/// because error messages, the CI script and the decision record all point users at them.
/// </summary>
public static class EnvironmentVariables
{
    /// <summary>A Npgsql connection string; when set, it is used as is and no embedded server is started.</summary>
    public const string Connection = "CARBONLEDGER_CONNECTION";

    /// <summary>The folder of the PostgreSQL server binaries (<c>initdb</c>, <c>pg_ctl</c>, <c>postgres</c>).</summary>
    public const string PostgresBin = "CARBONLEDGER_PG_BIN";

    /// <summary>The CLI's persistent data folder (the embedded server's PGDATA).</summary>
    public const string Data = "CARBONLEDGER_DATA";
}
