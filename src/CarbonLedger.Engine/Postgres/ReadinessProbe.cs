using Npgsql;

namespace CarbonLedger.Engine.Postgres;

/// <summary>
/// Waits until the server accepts a real connection. pg_ctl -w already waits for "ready" in postmaster.pid;
/// a successful login is the stronger evidence and costs one round trip.
/// </summary>
internal static class ReadinessProbe
{
    private static readonly TimeSpan s_pollInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>Polls until a login succeeds; <paramref name="ct"/> carries the start deadline.</summary>
    public static async Task WaitAsync(int port, int postmasterPid, string dataDirectory, CancellationToken ct)
    {
        var connectionString = ServerConnectionStrings.Maintenance(port);
        while (true)
        {
            try
            {
                await using var connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync(ct);
                return;
            }
            catch (NpgsqlException) when (!ct.IsCancellationRequested)
            {
                // Not accepting connections yet ("the database system is starting up", connection refused).
            }

            if (!ProcessIdentity.IsRunning(postmasterPid))
            {
                throw new PostgresStartFailedException(
                    $"The PostgreSQL server for {dataDirectory} exited while starting. "
                    + ServerLog.Tail(dataDirectory));
            }

            await Task.Delay(s_pollInterval, ct);
        }
    }
}
