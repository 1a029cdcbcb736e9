namespace CarbonLedger.Engine.Postgres;

/// <summary>
/// Records which process started the server running on a data folder. A later start that finds the server
/// running reads it to tell a live owner (attach to its server) from a dead one (an orphan: stop and restart).
/// </summary>
internal static class ServerOwnerFile
{
    public static void Write(string dataDirectory, ProcessIdentity owner) =>
        File.WriteAllText(ClusterFiles.Owner(dataDirectory), owner + "\n");

    public static ProcessIdentity? TryRead(string dataDirectory)
    {
        var path = ClusterFiles.Owner(dataDirectory);
        try
        {
            return File.Exists(path) ? ProcessIdentity.TryParse(File.ReadAllText(path).Trim()) : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    public static void Delete(string dataDirectory)
    {
        try
        {
            File.Delete(ClusterFiles.Owner(dataDirectory));
        }
        catch (DirectoryNotFoundException)
        {
            // The whole folder is gone already: nothing left to forget.
        }
    }
}
