namespace CarbonLedger.Engine.Postgres;

/// <summary>
/// Makes a data folder usable by the server account. For root that means: the parent folders we create are
/// searchable by others, the (still empty) data folder belongs to <c>postgres</c>, and <c>postgres</c> can
/// actually reach it, checked by asking <c>postgres</c> itself instead of guessing from permission bits.
/// </summary>
internal static class DataDirectoryAccess
{
    private static readonly TimeSpan s_commandTimeout = TimeSpan.FromSeconds(30);

    private const UnixFileMode SearchableByAll =
        UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
        | UnixFileMode.GroupRead | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;

    /// <summary>Rejects paths pg_ctl would mangle: it pastes the data folder into a double-quoted shell word.</summary>
    public static void Validate(string dataDirectory)
    {
        if (dataDirectory.IndexOfAny(['"', '$', '`', '\\', '\n', '\r']) >= 0)
        {
            throw new ArgumentException(
                $"The data folder path must not contain \", $, `, \\ or line breaks: {dataDirectory}",
                nameof(dataDirectory));
        }
    }

    /// <summary>Creates the missing parent folders (they also hold the lock file).</summary>
    public static void EnsureParentExists(string dataDirectory, ServerAccount account)
    {
        var parent = Path.GetDirectoryName(dataDirectory)
            ?? throw new ArgumentException("The data folder cannot be the file system root.", nameof(dataDirectory));
        var missing = new List<string>();
        for (var dir = parent; dir is not null && !Directory.Exists(dir); dir = Path.GetDirectoryName(dir))
        {
            missing.Add(dir);
        }

        Directory.CreateDirectory(parent);
        if (account.RunsAsPostgres && !OperatingSystem.IsWindows())
        {
            // A umask such as 077 would make our new folders a dead end for the postgres user.
            foreach (var created in missing)
            {
                File.SetUnixFileMode(created, SearchableByAll);
            }
        }
    }

    /// <summary>Creates the data folder and hands it to the server account.</summary>
    public static async Task PrepareAsync(string dataDirectory, ServerAccount account, CancellationToken ct)
    {
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException(
                "The embedded PostgreSQL server needs Linux or another Unix; on Windows set "
                + $"{EnvironmentVariables.Connection}.");
        }

        if (!Directory.Exists(dataDirectory))
        {
            // 0700 from the start: PostgreSQL refuses a data folder that others can read.
            Directory.CreateDirectory(
                dataDirectory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        if (!account.RunsAsPostgres)
        {
            return;
        }

        // Only a folder without a cluster is handed over: an existing cluster already belongs to its owner, and
        // initdb (run as postgres) creates everything inside, so a non-recursive chown is enough.
        if (!ClusterFiles.IsInitialized(dataDirectory))
        {
            var chown = new ToolCommand("chown", [ServerAccount.PostgresUser + ":", dataDirectory]);
            var handedOver = await ToolRunner.RunAsync(chown, s_commandTimeout, ct);
            handedOver.EnsureSuccess("Handing the data folder to postgres");
        }

        var probe = account.Command("/bin/sh", "-c", "test -w \"$1\" && test -x \"$1\"", "sh", dataDirectory);
        var reachable = await ToolRunner.RunAsync(probe, s_commandTimeout, ct);
        if (!reachable.Succeeded)
        {
            throw new PostgresStartFailedException(
                $"The '{ServerAccount.PostgresUser}' OS user cannot reach the data folder {dataDirectory}: every "
                + "parent folder must be searchable by it (/root is not). Choose a folder such as "
                + $"{DataFolders.RootPersistentDirectory} or one under /tmp via {EnvironmentVariables.Data}.");
        }
    }
}
