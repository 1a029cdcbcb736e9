namespace CarbonLedger.Engine.Postgres;

/// <summary>
/// An exclusive lock on a data folder while it is being provisioned (initdb, start, attach-or-restart decision),
/// so that two CLI commands started at the same moment do not both run initdb on one folder. The lock is a
/// sibling file (<c>pgdata.lock</c>) because initdb insists on an empty folder. .NET takes an advisory
/// <c>flock</c> for <see cref="FileShare.None"/>, which the kernel releases even if we are killed.
/// </summary>
internal sealed class DataDirectoryLock : IDisposable
{
    private static readonly TimeSpan s_retryDelay = TimeSpan.FromMilliseconds(100);

    private readonly FileStream _file;

    private DataDirectoryLock(FileStream file)
    {
        _file = file;
    }

    public static string PathFor(string dataDirectory) => Path.TrimEndingDirectorySeparator(dataDirectory) + ".lock";

    /// <summary>Waits until the lock is ours; <paramref name="ct"/> bounds the wait.</summary>
    public static async Task<DataDirectoryLock> AcquireAsync(string dataDirectory, CancellationToken ct)
    {
        var path = PathFor(dataDirectory);
        while (true)
        {
            try
            {
                return new DataDirectoryLock(
                    new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (IOException)
            {
                // Held by another process provisioning the same folder: wait for it to finish.
                await Task.Delay(s_retryDelay, ct);
            }
        }
    }

    public void Dispose() => _file.Dispose();
}
