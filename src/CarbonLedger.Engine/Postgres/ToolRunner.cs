using System.Diagnostics;

namespace CarbonLedger.Engine.Postgres;

/// <summary>
/// Runs a short-lived tool to completion and captures its output. Every call is bounded: a hung
/// <c>pg_ctl</c> must become an error message, never a hung CLI or test run.
/// </summary>
internal static class ToolRunner
{
    public static async Task<ToolResult> RunAsync(ToolCommand command, TimeSpan timeout, CancellationToken ct)
    {
        var start = new ProcessStartInfo(command.FileName)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            // The server user may not be allowed into our working directory (e.g. /root); "/" always works.
            WorkingDirectory = "/",
        };
        foreach (var argument in command.Arguments)
        {
            start.ArgumentList.Add(argument);
        }

        PrepareEnvironment(start.Environment);
        foreach ((string name, string value) in command.Environment)
        {
            start.Environment[name] = value;
        }
        using var process = Process.Start(start)
            ?? throw new PostgresCommandFailedException($"Could not start `{command}`.");
        process.StandardInput.Close();

        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(ct);
        bounded.CancelAfter(timeout);
        var stdout = process.StandardOutput.ReadToEndAsync(bounded.Token);
        var stderr = process.StandardError.ReadToEndAsync(bounded.Token);
        try
        {
            await process.WaitForExitAsync(bounded.Token);
            var output = await stdout + await stderr;
            return new ToolResult(command, process.ExitCode, output);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            if (ct.IsCancellationRequested)
            {
                throw;
            }

            throw new PostgresCommandFailedException(
                $"`{command}` did not finish within {timeout.TotalSeconds:0} s and was killed.");
        }
    }

    private static void PrepareEnvironment(IDictionary<string, string?> environment)
    {
        // English messages, so that "Address already in use" can be recognised in the output.
        environment["LC_ALL"] = "C";
        // PGDATA, PGPORT and friends from the user's shell must not redirect our tools to another cluster.
        foreach (var name in environment.Keys.Where(key => key.StartsWith("PG", StringComparison.Ordinal)).ToList())
        {
            environment.Remove(name);
        }
    }
}
