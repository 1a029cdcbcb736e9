namespace CarbonLedger.Engine.Postgres;

/// <summary>
/// The PostgreSQL server binaries (<c>initdb</c>, <c>pg_ctl</c>, <c>postgres</c>) are not installed where we
/// looked. The message is one line that names the install command, because it is what a user sees first.
/// </summary>
public sealed class PostgresBinariesNotFoundException : Exception
{
    /// <summary>The command that installs the server binaries on Debian and Ubuntu.</summary>
    public const string InstallCommand = "apt-get install -y postgresql";

    /// <summary>Creates the exception with the standard one-line message.</summary>
    public PostgresBinariesNotFoundException()
        : this(MessageFor([]))
    {
    }

    /// <summary>Creates the exception with a custom message.</summary>
    public PostgresBinariesNotFoundException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a custom message and its cause.</summary>
    public PostgresBinariesNotFoundException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    internal PostgresBinariesNotFoundException(IReadOnlyList<string> searchedDirectories)
        : base(MessageFor(searchedDirectories))
    {
        SearchedDirectories = searchedDirectories;
    }

    /// <summary>The folders that were searched, in order.</summary>
    public IReadOnlyList<string> SearchedDirectories { get; } = [];

    private static string MessageFor(IReadOnlyList<string> searched)
    {
        var where = searched.Count == 0 ? "" : $" (looked in: {string.Join(", ", searched)})";
        return $"PostgreSQL server binaries (initdb, pg_ctl, postgres) not found{where}. "
            + $"Install them with `{InstallCommand}`, or set {EnvironmentVariables.PostgresBin} to the folder "
            + $"that holds them, or set {EnvironmentVariables.Connection} to use an existing server.";
    }
}
