namespace CarbonLedger.Engine.Postgres;

/// <summary>
/// Finds helper programs (<c>runuser</c>, <c>setsid</c>, <c>pg_config</c>). Beyond the PATH we also look in the
/// sbin folders, because a non-login root shell or a CI runner may not have them on its PATH.
/// </summary>
internal static class ExecutableSearch
{
    private static readonly string[] s_fallbackFolders =
        ["/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin"];

    public static string? OnPath(string name)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        return path.Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Concat(s_fallbackFolders)
            .Select(folder => Path.Combine(folder, name))
            .FirstOrDefault(IsExecutable);
    }

    public static bool IsExecutable(string file)
    {
        if (!File.Exists(file))
        {
            return false;
        }

        if (OperatingSystem.IsWindows())
        {
            return true;
        }

        const UnixFileMode AnyExecute =
            UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        return (File.GetUnixFileMode(file) & AnyExecute) != 0;
    }
}
