namespace CarbonLedger.Engine.Postgres;

/// <summary>Stops the server on a data folder: fast shutdown first, immediate if that does not finish.</summary>
internal static class ServerShutdown
{
    private static readonly TimeSpan s_pollInterval = TimeSpan.FromMilliseconds(50);

    /// <summary>
    /// Stops the postmaster named in postmaster.pid. With <paramref name="expectedPid"/>, only that one: if another
    /// process has since restarted the server on this folder, the new server is not ours to stop.
    /// </summary>
    public static async Task StopAsync(PgCtl pgCtl, int? expectedPid, TimeSpan timeout)
    {
        var running = PostmasterPidFile.TryRead(pgCtl.DataDirectory);
        if (running is null || (expectedPid is { } pid && running.ProcessId != pid))
        {
            return;
        }

        // Fast: roll back open transactions, disconnect clients, checkpoint. Nothing committed is lost.
        var fast = await pgCtl.StopAsync("fast", timeout, CancellationToken.None);
        if (!fast.Succeeded && ProcessIdentity.IsRunning(running.ProcessId))
        {
            // Immediate: no checkpoint; the next start replays the WAL. Still nothing committed is lost.
            (await pgCtl.StopAsync("immediate", timeout, CancellationToken.None)).EnsureSuccess("Stopping PostgreSQL");
        }

        await WaitForExitAsync(running.ProcessId, timeout);
    }

    /// <summary>
    /// pg_ctl returns once postmaster.pid is removed, which the postmaster does just before it exits; waiting
    /// for the process itself means "stopped" really means no process is left.
    /// </summary>
    private static async Task WaitForExitAsync(int processId, TimeSpan timeout)
    {
        using var bounded = new CancellationTokenSource(timeout);
        while (ProcessIdentity.IsRunning(processId))
        {
            try
            {
                await Task.Delay(s_pollInterval, bounded.Token);
            }
            catch (OperationCanceledException)
            {
                throw new PostgresCommandFailedException(
                    $"The PostgreSQL server (pid {processId}) was still running {timeout.TotalSeconds:0} s after "
                    + "pg_ctl stop returned.");
            }
        }
    }
}
