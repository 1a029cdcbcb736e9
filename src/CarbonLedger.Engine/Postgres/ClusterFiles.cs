namespace CarbonLedger.Engine.Postgres;

/// <summary>The few files inside a data folder that provisioning reads or writes.</summary>
internal static class ClusterFiles
{
    /// <summary>initdb writes PG_VERSION; its presence means "a cluster lives here, reuse it".</summary>
    public static bool IsInitialized(string dataDirectory) => File.Exists(Path.Combine(dataDirectory, "PG_VERSION"));

    /// <summary>Written by the running postmaster: pid, data folder, start time, port, socket folder, ….</summary>
    public static string PostmasterPid(string dataDirectory) => Path.Combine(dataDirectory, "postmaster.pid");

    /// <summary>Ours: which process started the running server (see <see cref="ServerOwnerFile"/>).</summary>
    public static string Owner(string dataDirectory) => Path.Combine(dataDirectory, "carbonledger.owner");

    /// <summary>The server's stderr (pg_ctl -l), kept with the data so that a failed start can be explained.</summary>
    public static string ServerLog(string dataDirectory) => Path.Combine(dataDirectory, "server.log");
}
