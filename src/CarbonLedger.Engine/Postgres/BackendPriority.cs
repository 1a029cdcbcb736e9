using System.Runtime.InteropServices;

namespace CarbonLedger.Engine.Postgres;

/// <summary>
/// Lowers the CPU priority (raises the nice value) of one PostgreSQL backend process on this host, so that
/// derived work (the read-model projector) yields the CPU to the journal's commit path when both want it
/// (decision 0016). Only for a server on this machine (the embedded default); the process is checked to be a
/// PostgreSQL backend first, so a pid from a remote server can never renice a local stranger. Raising one's own
/// or a same-user process's nice value needs no privilege; anything that fails leaves the priority as it was.
/// </summary>
internal static class BackendPriority
{
    private const int PrioProcess = 0;

    /// <summary>
    /// Sets <paramref name="pid"/>'s nice value to <paramref name="nice"/> (0–19) when it is a PostgreSQL process
    /// on this host. Returns whether the priority was changed.
    /// </summary>
    public static bool TryLower(int pid, int nice)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(nice);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(nice, 19);
        if (!OperatingSystem.IsLinux() || pid <= 0 || !IsPostgres(pid))
        {
            return false;
        }

        return SetPriority(PrioProcess, (uint)pid, nice) == 0;
    }

    /// <summary>The current nice value of <paramref name="pid"/>, or null when it cannot be read.</summary>
    public static int? NiceOf(int pid)
    {
        // /proc/<pid>/stat: "pid (comm) state ..." — the 19th field is the nice value; comm may hold spaces.
        string? stat = TryRead($"/proc/{pid}/stat");
        int close = stat?.LastIndexOf(')') ?? -1;
        if (stat is null || close < 0)
        {
            return null;
        }

        string[] fields = stat[(close + 2)..].Split(' ');
        return fields.Length > 16 && int.TryParse(fields[16], out int nice) ? nice : null;
    }

    private static bool IsPostgres(int pid) =>
        TryRead($"/proc/{pid}/comm")?.Trim() is "postgres";

    private static string? TryRead(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    // DllImport, not LibraryImport: the signature is blittable, so no marshalling code (and no unsafe) is needed.
    [DllImport("libc", EntryPoint = "setpriority")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int SetPriority(int which, uint who, int prio);
}
