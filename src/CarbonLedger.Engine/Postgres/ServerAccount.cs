namespace CarbonLedger.Engine.Postgres;

/// <summary>
/// The OS account that owns the cluster and runs <c>initdb</c>/<c>pg_ctl</c>. PostgreSQL refuses to run as root,
/// so when we are root (CI, containers) the tools run as the <c>postgres</c> user through <c>runuser</c>;
/// otherwise they run as ourselves.
/// </summary>
internal sealed class ServerAccount
{
    public const string PostgresUser = "postgres";

    private readonly string? _runuser;

    private ServerAccount(string? runuser)
    {
        _runuser = runuser;
    }

    /// <summary>True when the tools run as <c>postgres</c> rather than as the current user.</summary>
    public bool RunsAsPostgres => _runuser is not null;

    public static ServerAccount ForCurrentProcess()
    {
        if (!Environment.IsPrivilegedProcess)
        {
            return new ServerAccount(null);
        }

        var runuser = ExecutableSearch.OnPath("runuser")
            ?? throw new PostgresStartFailedException(
                "Running as root, PostgreSQL must run as the 'postgres' user, but `runuser` (util-linux) was not "
                + "found. Install util-linux, run as an ordinary user, or set "
                + $"{EnvironmentVariables.Connection} to use an existing server.");
        return new ServerAccount(runuser);
    }

    /// <summary>The command line that runs <paramref name="fileName"/> as the server account.</summary>
    public ToolCommand Command(string fileName, params IReadOnlyList<string> arguments) =>
        _runuser is null
            ? new ToolCommand(fileName, arguments)
            : new ToolCommand(_runuser, ["-u", PostgresUser, "--", fileName, .. arguments]);
}
