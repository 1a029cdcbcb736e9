namespace CarbonLedger.Engine.Postgres;

/// <summary>Deletes a throw-away data folder together with its sibling lock file.</summary>
internal static class DataFolderRemoval
{
    public static void Delete(string dataDirectory)
    {
        if (Directory.Exists(dataDirectory))
        {
            Directory.Delete(dataDirectory, recursive: true);
        }

        File.Delete(DataDirectoryLock.PathFor(dataDirectory));
    }
}
