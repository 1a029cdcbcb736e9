using System.Globalization;

namespace CarbonLedger.Engine.Postgres;

/// <summary>
/// A process named by pid and kernel start time. The start time makes the identity safe against pid reuse:
/// a recycled pid belongs to a process that started later.
/// </summary>
internal readonly record struct ProcessIdentity(int ProcessId, long StartTicks)
{
    public static ProcessIdentity Current()
    {
        var pid = Environment.ProcessId;
        return new ProcessIdentity(pid, ReadStartTicks(pid) ?? 0);
    }

    /// <summary>True when a process with this pid exists and started at the recorded time.</summary>
    public bool IsAlive() => ReadStartTicks(ProcessId) is { } ticks && ticks == StartTicks;

    public override string ToString() =>
        ProcessId.ToString(CultureInfo.InvariantCulture) + " " + StartTicks.ToString(CultureInfo.InvariantCulture);

    public static ProcessIdentity? TryParse(string text)
    {
        var parts = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length == 2
            && int.TryParse(parts[0], CultureInfo.InvariantCulture, out var pid)
            && long.TryParse(parts[1], CultureInfo.InvariantCulture, out var ticks)
            ? new ProcessIdentity(pid, ticks)
            : null;
    }

    /// <summary>
    /// A process with this pid runs (it may be another one than we think, see <see cref="IsAlive"/>). A zombie
    /// counts as gone: it has exited and only waits for a parent that may never reap it (a container's PID 1).
    /// </summary>
    public static bool IsRunning(int processId) =>
        ReadStatFields(processId) is { Length: > 0 } fields && fields[0] is not ("Z" or "X");

    /// <summary>Field 22 of <c>/proc/PID/stat</c>: start time in ticks after boot; null if the pid is gone.</summary>
    private static long? ReadStartTicks(int processId)
    {
        const int StartTimeIndex = 22 - 3;
        return ReadStatFields(processId) is { } fields
            && fields.Length > StartTimeIndex
            && long.TryParse(fields[StartTimeIndex], CultureInfo.InvariantCulture, out var ticks)
            ? ticks
            : null;
    }

    /// <summary>The fields of <c>/proc/PID/stat</c> from field 3 (state) on; null if the pid is gone.</summary>
    private static string[]? ReadStatFields(int processId)
    {
        string stat;
        try
        {
            stat = File.ReadAllText($"/proc/{processId}/stat");
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or IOException)
        {
            return null;
        }

        // The command name (field 2) is in parentheses and may contain spaces: split after the last ')'.
        return stat[(stat.LastIndexOf(')') + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
    }
}
