using System.Diagnostics;

namespace CarbonLedger.Engine.Postgres;

/// <summary>
/// The folder of the locally installed PostgreSQL server binaries. We use the distribution's binaries instead of
/// downloading our own: the machine's package manager keeps them patched, and nothing is fetched at run time.
/// </summary>
public sealed class PostgresBinaries
{
    /// <summary>Where Debian and Ubuntu install one folder per major version (<c>…/15/bin</c>).</summary>
    public const string DebianVersionsRoot = "/usr/lib/postgresql";

    private static readonly string[] s_requiredTools = ["initdb", "pg_ctl", "postgres"];

    private PostgresBinaries(string binDirectory)
    {
        BinDirectory = binDirectory;
    }

    /// <summary>The folder that holds <c>initdb</c>, <c>pg_ctl</c> and <c>postgres</c>.</summary>
    public string BinDirectory { get; }

    /// <summary>The full path of <c>initdb</c>.</summary>
    public string InitDb => Path.Combine(BinDirectory, "initdb");

    /// <summary>The full path of <c>pg_ctl</c>.</summary>
    public string PgCtl => Path.Combine(BinDirectory, "pg_ctl");

    /// <summary>The full path of the <c>postgres</c> server.</summary>
    public string Postgres => Path.Combine(BinDirectory, "postgres");

    /// <summary>
    /// Finds the server binaries: <paramref name="binDirectory"/> when given, else <c>CARBONLEDGER_PG_BIN</c>,
    /// else the highest version under <c>/usr/lib/postgresql/*/bin</c>, else <c>pg_config --bindir</c>.
    /// </summary>
    /// <exception cref="PostgresBinariesNotFoundException">No folder with all three tools was found.</exception>
    public static PostgresBinaries Locate(string? binDirectory = null)
    {
        // An explicit folder is a demand, not a hint: falling back to another install would hide a typo.
        if (!string.IsNullOrWhiteSpace(binDirectory))
        {
            return FromExplicitFolder(binDirectory);
        }

        var fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariables.PostgresBin);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return FromExplicitFolder(fromEnvironment);
        }

        var searched = new List<string>();
        foreach (var candidate in DebianCandidates().Append(PgConfigBinDirectory()))
        {
            if (candidate is null)
            {
                continue;
            }

            searched.Add(candidate);
            if (HasAllTools(candidate))
            {
                return new PostgresBinaries(candidate);
            }
        }

        throw new PostgresBinariesNotFoundException(searched.Count == 0 ? [DebianVersionsRoot] : searched);
    }

    private static PostgresBinaries FromExplicitFolder(string folder)
    {
        var full = Path.GetFullPath(folder);
        return HasAllTools(full) ? new PostgresBinaries(full) : throw new PostgresBinariesNotFoundException([full]);
    }

    /// <summary>Version folders, highest first; versions compare numerically so that 15 beats 9.6.</summary>
    private static List<string> DebianCandidates()
    {
        if (!Directory.Exists(DebianVersionsRoot))
        {
            return [];
        }

        return Directory.EnumerateDirectories(DebianVersionsRoot)
            .Select(dir => (Dir: dir, Version: ParseVersion(Path.GetFileName(dir))))
            .Where(entry => entry.Version is not null)
            .OrderByDescending(entry => entry.Version)
            .Select(entry => Path.Combine(entry.Dir, "bin"))
            .ToList();
    }

    private static Version? ParseVersion(string name)
    {
        if (int.TryParse(name, out var major))
        {
            return new Version(major, 0);
        }

        return Version.TryParse(name, out var version) ? version : null;
    }

    /// <summary>Asks <c>pg_config</c> (from the PATH) for its bindir; other distributions install there.</summary>
    private static string? PgConfigBinDirectory()
    {
        var pgConfig = ExecutableSearch.OnPath("pg_config");
        if (pgConfig is null)
        {
            return null;
        }

        var start = new ProcessStartInfo(pgConfig, "--bindir")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start);
        if (process is null)
        {
            return null;
        }

        var output = process.StandardOutput.ReadToEnd().Trim();
        _ = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0 && output.Length > 0 ? output : null;
    }

    private static bool HasAllTools(string folder) =>
        s_requiredTools.All(tool => ExecutableSearch.IsExecutable(Path.Combine(folder, tool)));
}
