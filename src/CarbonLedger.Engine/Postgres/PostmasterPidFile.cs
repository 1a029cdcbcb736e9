namespace CarbonLedger.Engine.Postgres;

/// <summary>The pid and port of a running postmaster, as it recorded them in <c>postmaster.pid</c>.</summary>
internal sealed record PostmasterPidFile(int ProcessId, int Port)
{
    /// <summary>Reads the file; null when it is missing or not (yet) complete, e.g. while the server starts.</summary>
    public static PostmasterPidFile? TryRead(string dataDirectory)
    {
        string[] lines;
        try
        {
            lines = File.ReadAllLines(ClusterFiles.PostmasterPid(dataDirectory));
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or IOException)
        {
            return null;
        }

        // Line 1 is the pid, line 4 the port (see PostgreSQL's miscadmin.h, LOCK_FILE_LINE_*).
        return lines.Length >= 4
            && int.TryParse(lines[0].Trim(), out var pid)
            && int.TryParse(lines[3].Trim(), out var port)
            ? new PostmasterPidFile(pid, port)
            : null;
    }
}
