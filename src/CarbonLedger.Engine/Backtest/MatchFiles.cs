using System.Text;
using CarbonLedger.Domain.Rules;

namespace CarbonLedger.Engine.Backtest;

/// <summary>
/// <c>carbonledger match</c> on files: reads the order CSV (UTF-8, strict), writes the output CSV to a
/// temporary file in the output's folder and renames it over the output at the end, so a failure leaves
/// either the previous file or nothing, never a partial output.
/// </summary>
public static class MatchFiles
{
    private static readonly UTF8Encoding s_strictUtf8 =
        new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// Runs <paramref name="ordersPath"/> into <paramref name="outputPath"/>; malformed rows are also written
    /// to <paramref name="errors"/>. Throws <see cref="MatchFileException"/> (with its
    /// <see cref="MatchFailure"/>) when the files cannot be used; nothing is left at the output path then.
    /// </summary>
    public static MatchSummary Run(string ordersPath, string outputPath, TextWriter errors, RuleBook? rules = null)
    {
        ArgumentNullException.ThrowIfNull(ordersPath);
        ArgumentNullException.ThrowIfNull(outputPath);
        ArgumentNullException.ThrowIfNull(errors);
        string input = FullPath("--orders", ordersPath);
        string output = FullPath("--out", outputPath);
        CheckPaths(ordersPath, outputPath, input, output);
        string folder = Path.GetDirectoryName(output)!;
        string temporary = Path.Combine(folder, $".{Path.GetFileName(output)}.{Guid.NewGuid():N}.tmp");
        try
        {
            MatchSummary summary;
            using (var reader = new StreamReader(input, s_strictUtf8, detectEncodingFromByteOrderMarks: false))
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                using (var writer = new StreamWriter(stream, s_strictUtf8, bufferSize: 1 << 16, leaveOpen: true))
                {
                    summary = MatchRun.Run(reader, writer, errors, rules);
                }

                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, output, overwrite: true);
            return summary;
        }
        catch (OrderCsvFormatException e)
        {
            throw new MatchFileException(MatchFailure.InvalidInput, $"{ordersPath}: {e.Message}", e);
        }
        catch (DecoderFallbackException e)
        {
            throw new MatchFileException(MatchFailure.InvalidInput, $"{ordersPath} is not valid UTF-8: {e.Message}", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new MatchFileException(
                MatchFailure.Io, $"cannot read {ordersPath} or write {outputPath}: {e.Message}", e);
        }
        finally
        {
            // Gone already after the rename; after a failure this leaves nothing behind.
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }

    private static string FullPath(string option, string path)
    {
        try
        {
            return string.IsNullOrWhiteSpace(path)
                ? throw new MatchFileException(MatchFailure.Usage, $"{option} needs a file name")
                : Path.GetFullPath(path);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new MatchFileException(MatchFailure.Usage, $"{option} '{path}' is not a usable path: {e.Message}", e);
        }
    }

    private static void CheckPaths(string ordersPath, string outputPath, string input, string output)
    {
        if (Directory.Exists(input))
        {
            throw new MatchFileException(MatchFailure.Usage, $"--orders {ordersPath} is a folder, not a file");
        }

        if (!File.Exists(input))
        {
            throw new MatchFileException(MatchFailure.Usage, $"--orders {ordersPath}: the file does not exist");
        }

        if (Directory.Exists(output))
        {
            throw new MatchFileException(MatchFailure.Usage, $"--out {outputPath} is a folder, not a file");
        }

        if (!Directory.Exists(Path.GetDirectoryName(output)))
        {
            throw new MatchFileException(MatchFailure.Usage, $"--out {outputPath}: the folder does not exist");
        }

        if (string.Equals(input, output, StringComparison.Ordinal))
        {
            throw new MatchFileException(MatchFailure.Usage, "--out must name another file than --orders");
        }
    }
}

/// <summary>Why <see cref="MatchFiles.Run"/> could not produce an output (the CLI maps it to an exit code).</summary>
public enum MatchFailure
{
    /// <summary>The arguments name files that cannot be used (no input file, no output folder): exit 1.</summary>
    Usage = 1,

    /// <summary>The input is not an order CSV at all (not UTF-8, no or a bad header): exit 2.</summary>
    InvalidInput = 2,

    /// <summary>Reading or writing failed (permissions, disk full): exit 3.</summary>
    Io = 3,
}

/// <summary>A failure of <see cref="MatchFiles.Run"/>; its message is meant for the user.</summary>
public sealed class MatchFileException : Exception
{
    /// <summary>Creates the exception.</summary>
    public MatchFileException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public MatchFileException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public MatchFileException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for <paramref name="failure"/>.</summary>
    public MatchFileException(MatchFailure failure, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Failure = failure;
    }

    /// <summary>What failed.</summary>
    public MatchFailure Failure { get; } = MatchFailure.Io;
}
