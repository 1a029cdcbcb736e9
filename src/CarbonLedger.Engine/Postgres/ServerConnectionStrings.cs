using Npgsql;

namespace CarbonLedger.Engine.Postgres;

/// <summary>Connection strings for the embedded server: always TCP on 127.0.0.1 as the trusted superuser.</summary>
internal static class ServerConnectionStrings
{
    public const string Host = "127.0.0.1";
    public const string SuperUser = "postgres";

    /// <summary>What callers get: pooled, because the engine and tests open many short connections.</summary>
    public static string Application(int port, string database) =>
        new NpgsqlConnectionStringBuilder { Host = Host, Port = port, Username = SuperUser, Database = database }
            .ConnectionString;

    /// <summary>For provisioning only: unpooled, so probing a starting server leaves no dead pool entries.</summary>
    public static string Maintenance(int port) =>
        new NpgsqlConnectionStringBuilder
        {
            Host = Host,
            Port = port,
            Username = SuperUser,
            Database = "postgres",
            Pooling = false,
            Timeout = 5,
        }.ConnectionString;
}
