using System.Text;

namespace CarbonLedger.Engine.Postgres;

/// <summary>
/// Reads the server log kept in the data folder. Start failures quote its tail; the port retry looks only at
/// what was written since the attempt began, since a persistent folder's log holds earlier runs too.
/// </summary>
internal static class ServerLog
{
    /// <summary>A persistent folder's log would grow forever; past this size the next start begins a new one.</summary>
    private const long RotateAtBytes = 10 * 1024 * 1024;

    private const int TailLines = 30;

    public static long Length(string dataDirectory)
    {
        var file = new FileInfo(ClusterFiles.ServerLog(dataDirectory));
        return file.Exists ? file.Length : 0;
    }

    public static void RotateIfLarge(string dataDirectory)
    {
        var log = ClusterFiles.ServerLog(dataDirectory);
        if (Length(dataDirectory) > RotateAtBytes)
        {
            File.Move(log, log + ".1", overwrite: true);
        }
    }

    /// <summary>What the server wrote after <paramref name="offset"/> bytes.</summary>
    public static string ReadFrom(string dataDirectory, long offset)
    {
        var log = ClusterFiles.ServerLog(dataDirectory);
        if (!File.Exists(log))
        {
            return "";
        }

        using var stream = new FileStream(log, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        stream.Seek(Math.Min(offset, stream.Length), SeekOrigin.Begin);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    /// <summary>The last lines of the log, formatted for an error message.</summary>
    public static string Tail(string dataDirectory)
    {
        var text = ReadFrom(dataDirectory, Math.Max(0, Length(dataDirectory) - (64 * 1024)));
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return lines.Length == 0
            ? $"(the server log {ClusterFiles.ServerLog(dataDirectory)} is empty or missing)"
            : $"Last lines of {ClusterFiles.ServerLog(dataDirectory)}:{Environment.NewLine}"
                + string.Join(Environment.NewLine, lines.TakeLast(TailLines));
    }
}
