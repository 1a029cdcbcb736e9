using System.Globalization;
using System.Text;

namespace CarbonLedger.Engine.Tests.Postgres;

/// <summary>Reads /proc directly, so the tests check processes independently of the code under test.</summary>
internal static class ProcessTable
{
    /// <summary>Live (non-zombie) processes whose command line mentions <paramref name="path"/>.</summary>
    public static IReadOnlyList<int> Mentioning(string path)
    {
        var found = new List<int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), CultureInfo.InvariantCulture, out var pid) || !IsRunning(pid))
            {
                continue;
            }

            var commandLine = TryRead(() => File.ReadAllBytes(Path.Combine(dir, "cmdline")));
            if (commandLine is not null
                && Encoding.UTF8.GetString(commandLine).Contains(path, StringComparison.Ordinal))
            {
                found.Add(pid);
            }
        }

        return found;
    }

    /// <summary>True when the process exists and is not a zombie.</summary>
    public static bool IsRunning(int pid)
    {
        var stat = TryRead(() => File.ReadAllText($"/proc/{pid}/stat"));
        if (stat is null)
        {
            return false;
        }

        var state = stat[(stat.LastIndexOf(')') + 2)..][0];
        return state is not ('Z' or 'X');
    }

    /// <summary>The real user id of a running process.</summary>
    public static int UserId(int pid)
    {
        var uidLine = File.ReadLines($"/proc/{pid}/status")
            .First(line => line.StartsWith("Uid:", StringComparison.Ordinal));
        return int.Parse(uidLine.Split('\t', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
    }

    /// <summary>The user id of an OS account, from /etc/passwd.</summary>
    public static int UserIdOf(string userName)
    {
        var entry = File.ReadLines("/etc/passwd")
            .Select(line => line.Split(':'))
            .First(fields => fields[0] == userName);
        return int.Parse(entry[2], CultureInfo.InvariantCulture);
    }

    private static T? TryRead<T>(Func<T> read)
        where T : class
    {
        try
        {
            return read();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The process ended while we looked: it is not running.
            return null;
        }
    }
}
