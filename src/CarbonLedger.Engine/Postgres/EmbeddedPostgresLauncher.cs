namespace CarbonLedger.Engine.Postgres;

/// <summary>
/// The start sequence of <see cref="EmbeddedPostgres"/>: locate binaries, prepare and lock the folder, initdb if
/// needed, deal with a server already running there, start on a free port, wait until it accepts connections.
/// </summary>
internal static class EmbeddedPostgresLauncher
{
    /// <summary>Attempts with a new port when the picked one was taken before the server could bind it.</summary>
    private const int MaxPortAttempts = 5;

    private static readonly TimeSpan s_statusTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan s_stopTimeout = TimeSpan.FromSeconds(60);

    public static async Task<EmbeddedPostgres> StartAsync(EmbeddedPostgresOptions options, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var binaries = PostgresBinaries.Locate(options.BinDirectory);
        var account = ServerAccount.ForCurrentProcess();
        var dataDirectory = Path.TrimEndingDirectorySeparator(Path.GetFullPath(options.DataDirectory));
        var pgCtl = new PgCtl(binaries, account, dataDirectory);

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(options.StartTimeout);
        try
        {
            DataDirectoryAccess.EnsureParentExists(dataDirectory, account);
            using var folderLock = await DataDirectoryLock.AcquireAsync(dataDirectory, deadline.Token);
            await DataDirectoryAccess.PrepareAsync(dataDirectory, account, deadline.Token);
            return await ProvisionAsync(pgCtl, options, deadline.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new PostgresStartFailedException(
                $"The embedded PostgreSQL server for {dataDirectory} did not start within "
                + $"{options.StartTimeout.TotalSeconds:0} s. {ServerLog.Tail(dataDirectory)}");
        }
    }

    private static async Task<EmbeddedPostgres> ProvisionAsync(
        PgCtl pgCtl, EmbeddedPostgresOptions options, CancellationToken ct)
    {
        // The CLI keeps its data between runs: a folder with a cluster is reused, never re-initialised.
        var reused = ClusterFiles.IsInitialized(pgCtl.DataDirectory);
        if (reused && await TryAttachAsync(pgCtl, options, ct) is { } attached)
        {
            return attached;
        }

        try
        {
            if (!reused)
            {
                await pgCtl.InitDbAsync(noSync: options.DeleteDataDirectoryOnStop, options.StartTimeout, ct);
            }

            return await StartOwnedServerAsync(pgCtl, options, reused, ct);
        }
        catch (Exception startFailure)
        {
            await CleanUpAfterFailedStartAsync(pgCtl, options, startFailure);
            throw;
        }
    }

    /// <summary>
    /// We hold the folder lock and no live owner exists, so a server running here now is the one we started:
    /// stop it, and leave no half-made throw-away folder behind. If that fails too, both reasons are reported.
    /// </summary>
    private static async Task CleanUpAfterFailedStartAsync(
        PgCtl pgCtl, EmbeddedPostgresOptions options, Exception startFailure)
    {
        try
        {
            await ServerShutdown.StopAsync(pgCtl, expectedPid: null, s_stopTimeout);
            if (options.DeleteDataDirectoryOnStop)
            {
                DataFolderRemoval.Delete(pgCtl.DataDirectory);
            }
        }
        catch (Exception cleanupFailure)
            when (cleanupFailure is PostgresCommandFailedException or IOException or UnauthorizedAccessException)
        {
            throw new PostgresStartFailedException(
                $"{startFailure.Message} Cleaning up after the failed start failed too: {cleanupFailure.Message}",
                startFailure);
        }
    }

    /// <summary>
    /// A server already runs on this folder. Our choice depends on its owner (recorded by the process that
    /// started it): if the owner is alive (another CLI command, a concurrent test run), we attach to its port
    /// and leave its lifetime to it, because stopping it would break that process mid-command. If the owner is
    /// dead, the server is an orphan its watchdog has not stopped yet: we stop it and start our own, so that
    /// the server is again tied to a live process. Returns null when we should start our own server.
    /// </summary>
    private static async Task<EmbeddedPostgres?> TryAttachAsync(
        PgCtl pgCtl, EmbeddedPostgresOptions options, CancellationToken ct)
    {
        var dataDirectory = pgCtl.DataDirectory;
        if (PostmasterPidFile.TryRead(dataDirectory) is null || !await pgCtl.IsRunningAsync(s_statusTimeout, ct))
        {
            return null;
        }

        var running = PostmasterPidFile.TryRead(dataDirectory);
        if (running is null)
        {
            return null;
        }

        if (ServerOwnerFile.TryRead(dataDirectory) is { } owner && owner.IsAlive())
        {
            await ReadinessProbe.WaitAsync(running.Port, running.ProcessId, dataDirectory, ct);
            await DatabaseCreator.EnsureExistsAsync(running.Port, options.DatabaseName, ct);
            return new EmbeddedPostgres(
                pgCtl, running, options.DatabaseName, reusedExistingCluster: true, watchdog: null,
                deleteDataDirectoryOnStop: false);
        }

        await ServerShutdown.StopAsync(pgCtl, running.ProcessId, s_stopTimeout);
        return null;
    }

    private static async Task<EmbeddedPostgres> StartOwnedServerAsync(
        PgCtl pgCtl, EmbeddedPostgresOptions options, bool reused, CancellationToken ct)
    {
        var dataDirectory = pgCtl.DataDirectory;
        ServerLog.RotateIfLarge(dataDirectory);
        var server = await StartOnFreePortAsync(pgCtl, options, ct);

        ServerOwnerFile.Write(dataDirectory, ProcessIdentity.Current());
        var watchdog = OrphanWatchdog.Start(
            Environment.ProcessId, server.ProcessId, dataDirectory, options.DeleteDataDirectoryOnStop);
        try
        {
            await ReadinessProbe.WaitAsync(server.Port, server.ProcessId, dataDirectory, ct);
            await DatabaseCreator.EnsureExistsAsync(server.Port, options.DatabaseName, ct);
        }
        catch
        {
            await watchdog.StopAsync();
            throw;
        }

        return new EmbeddedPostgres(
            pgCtl, server, options.DatabaseName, reused, watchdog, options.DeleteDataDirectoryOnStop);
    }

    /// <summary>
    /// Picks a free port and starts. Between picking and binding, another process (a second test run, any
    /// program) may take the port; the server then fails with "Address already in use" and we try a new port.
    /// Any other failure is reported at once with the server log.
    /// </summary>
    private static async Task<PostmasterPidFile> StartOnFreePortAsync(
        PgCtl pgCtl, EmbeddedPostgresOptions options, CancellationToken ct)
    {
        var dataDirectory = pgCtl.DataDirectory;
        for (var attempt = 1; ; attempt++)
        {
            var port = FreePort.Pick();
            var logStart = ServerLog.Length(dataDirectory);
            var result = await pgCtl.StartAsync(port, options.MaxConnections, options.StartTimeout, ct);
            if (result.Succeeded)
            {
                return PostmasterPidFile.TryRead(dataDirectory) is { } server && server.Port == port
                    ? server
                    : throw new PostgresStartFailedException(
                        $"pg_ctl reported a started server for {dataDirectory}, but postmaster.pid does not show "
                        + $"it on port {port}. {ServerLog.Tail(dataDirectory)}");
            }

            if (attempt < MaxPortAttempts && IsPortConflict(ServerLog.ReadFrom(dataDirectory, logStart)))
            {
                continue;
            }

            throw new PostgresStartFailedException(
                $"PostgreSQL did not start for {dataDirectory} on port {port} (pg_ctl exit {result.ExitCode}, "
                + $"attempt {attempt}): {result.Output.Trim()} {ServerLog.Tail(dataDirectory)}");
        }
    }

    private static bool IsPortConflict(string log) =>
        log.Contains("Address already in use", StringComparison.Ordinal)
        || log.Contains("could not create any TCP/IP sockets", StringComparison.Ordinal);
}
