namespace CarbonLedger.Engine.Postgres;

/// <summary>Where the embedded server keeps its data: a persistent folder per user, or a fresh temporary one.</summary>
public static class DataFolders
{
    /// <summary>
    /// Root's persistent folder. Not under <c>/root</c>: the server runs as <c>postgres</c>, which cannot traverse
    /// root's 0700 home, so root's data lives where system services keep theirs.
    /// </summary>
    public const string RootPersistentDirectory = "/var/lib/carbonledger/pgdata";

    /// <summary>The prefix of temporary data folders, so that leftovers are easy to recognise.</summary>
    public const string TemporaryPrefix = "carbonledger-test-";

    /// <summary>
    /// The CLI's persistent data folder: <c>CARBONLEDGER_DATA</c> when set; for root
    /// <c>/var/lib/carbonledger/pgdata</c>; else <c>$XDG_DATA_HOME/carbonledger/pgdata</c> or
    /// <c>~/.local/share/carbonledger/pgdata</c>.
    /// </summary>
    public static string Persistent() =>
        Persistent(
            Environment.GetEnvironmentVariable,
            Environment.IsPrivilegedProcess,
            Environment.GetFolderPath(Environment.SpecialFolder.UserProfile));

    /// <summary>A new, unique folder that does not exist yet, for a server whose data is thrown away.</summary>
    public static string NewTemporary() =>
        Path.Combine(TemporaryRoot(), TemporaryPrefix + Guid.NewGuid().ToString("N"));

    internal static string Persistent(Func<string, string?> environment, bool isRoot, string home)
    {
        var configured = environment(EnvironmentVariables.Data);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Path.GetFullPath(configured);
        }

        if (isRoot)
        {
            return RootPersistentDirectory;
        }

        // XDG says a relative XDG_DATA_HOME is invalid and must be ignored.
        var dataHome = environment("XDG_DATA_HOME");
        var root = !string.IsNullOrWhiteSpace(dataHome) && Path.IsPathRooted(dataHome)
            ? dataHome
            : Path.Combine(home, ".local", "share");
        return Path.Combine(root, "carbonledger", "pgdata");
    }

    /// <summary>
    /// Root always uses <c>/tmp</c>: a TMPDIR under <c>/root</c> would be unreachable for the <c>postgres</c> user.
    /// Other users get their usual temp folder.
    /// </summary>
    private static string TemporaryRoot() => Environment.IsPrivilegedProcess ? "/tmp" : Path.GetTempPath();
}
