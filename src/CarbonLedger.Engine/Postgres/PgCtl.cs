using System.Globalization;
using System.Text;

namespace CarbonLedger.Engine.Postgres;

/// <summary>
/// The server-side tools for one data folder: initdb and pg_ctl start/status/stop, run as the server account.
/// </summary>
internal sealed class PgCtl
{
    /// <summary>A Unix socket path (sun_path) holds at most 107 bytes.</summary>
    private const int MaxSocketPathBytes = 107;

    private readonly PostgresBinaries _binaries;
    private readonly ServerAccount _account;
    private readonly string _dataDirectory;

    public PgCtl(PostgresBinaries binaries, ServerAccount account, string dataDirectory)
    {
        _binaries = binaries;
        _account = account;
        _dataDirectory = dataDirectory;
    }

    public string DataDirectory => _dataDirectory;

    /// <summary>
    /// Creates the cluster. Trust authentication is safe because the server listens on 127.0.0.1 and a socket
    /// inside its 0700 data folder only. <paramref name="noSync"/> skips initdb's final fsync for throw-away data.
    /// </summary>
    public async Task InitDbAsync(bool noSync, TimeSpan timeout, CancellationToken ct)
    {
        List<string> arguments =
            ["-D", _dataDirectory, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C"];
        if (noSync)
        {
            arguments.Add("--no-sync");
        }

        var result = await ToolRunner.RunAsync(_account.Command(_binaries.InitDb, arguments), timeout, ct);
        if (!result.Succeeded)
        {
            throw new PostgresStartFailedException(
                $"initdb failed for {_dataDirectory} (exit {result.ExitCode}): {result.Output.Trim()}");
        }
    }

    /// <summary>
    /// Starts the server and waits (pg_ctl -w) until it reports ready. Settings are passed on the command line,
    /// not written into postgresql.conf, because the port changes on every start. Durability settings stay at
    /// their defaults (fsync, synchronous_commit on): this is a ledger. <c>backend_flush_after</c> makes a
    /// backend that evicts dirty pages ask the kernel to write them out at once, as the checkpointer and the
    /// background writer already do: otherwise the kernel lets them pile up (on this VM about 650 MB in 30 s of
    /// durable load) and writes them in one burst that queues every WAL flush behind it, stalling commits for
    /// half a second (docs/benchmarks/2026-11-28-exchange.md). <c>wal_init_zero=off</c>: a backend that needs a new
    /// WAL segment (a fresh cluster has none to recycle, and at ~23 MB/s of WAL the recycled ones run out near the end
    /// of each checkpoint cycle) no longer writes 16 MB of zeros and flushes them inside a commit: those commits
    /// took 25-80 ms every ~0.7 s at 10,000 orders/s (decision 0019). <c>shared_buffers=32MB</c> (the default is
    /// 128 MB): PostgreSQL 15 extends a table by writing a page of zeros through the page cache without asking the
    /// kernel to write it; the page's real contents stay in shared buffers, so that dirty zero page stays in the page
    /// cache until the page is evicted. Hot new pages stay, up to about the buffer pool's size, until the kernel's
    /// 30 s expiry writes them in one burst (~120 MB here) that queues the journal's WAL flushes: one or two commits
    /// of 50-90 ms about 33 s after every checkpoint. A smaller pool bounds the burst (decision 0020).
    /// </summary>
    public Task<ToolResult> StartAsync(int port, int maxConnections, TimeSpan timeout, CancellationToken ct)
    {
        var serverOptions = string.Join(' ',
            "-p", port.ToString(CultureInfo.InvariantCulture),
            "-h", "127.0.0.1",
            "-k", ShellQuoting.Quote(SocketDirectory(port)),
            "-c", "max_connections=" + maxConnections.ToString(CultureInfo.InvariantCulture),
            "-c", "backend_flush_after=256kB",
            "-c", "wal_init_zero=off",
            "-c", "shared_buffers=32MB");
        var waitSeconds = Math.Max(1, (int)Math.Ceiling(timeout.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        var command = _account.Command(
            _binaries.PgCtl,
            "start", "-D", _dataDirectory, "-l", ClusterFiles.ServerLog(_dataDirectory),
            "-w", "-t", waitSeconds, "-s", "-o", serverOptions) with { Environment = s_serverMemory };
        return ToolRunner.RunAsync(command, timeout + TimeSpan.FromSeconds(10), ct);
    }

    /// <summary>
    /// glibc's allocator settings for the server (pg_ctl passes its environment on to every backend). By default
    /// glibc returns large freed blocks to the kernel and moves its mmap threshold as it goes; the journal's backend,
    /// which parses a batch's event bodies into a few MB of jsonb per statement, then had those pages faulted in
    /// again and again: with 2,048 callers a fifth of its time went to page faults and its CPU per order doubled
    /// (11–14k orders/s). Fixed thresholds keep that memory in the heap for reuse (22.6k/s in the same harness;
    /// docs/benchmarks/2026-11-28-exchange.md §6). Other C libraries ignore these variables.
    /// </summary>
    private static readonly Dictionary<string, string> s_serverMemory = new()
    {
        ["MALLOC_MMAP_THRESHOLD_"] = "33554432", // 32 MB, glibc's largest: blocks below it come from the heap
        ["MALLOC_TRIM_THRESHOLD_"] = "268435456", // 256 MB of free heap kept before giving any back
    };

    /// <summary>pg_ctl status: exit 0 means a server runs on this folder, 3 means none does.</summary>
    public async Task<bool> IsRunningAsync(TimeSpan timeout, CancellationToken ct)
    {
        var command = _account.Command(_binaries.PgCtl, "status", "-D", _dataDirectory);
        return (await ToolRunner.RunAsync(command, timeout, ct)).Succeeded;
    }

    /// <summary>pg_ctl stop -m <paramref name="mode"/> (smart, fast or immediate), waiting for the exit.</summary>
    public Task<ToolResult> StopAsync(string mode, TimeSpan timeout, CancellationToken ct)
    {
        var waitSeconds = Math.Max(1, (int)Math.Ceiling(timeout.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        var command = _account.Command(
            _binaries.PgCtl, "stop", "-D", _dataDirectory, "-m", mode, "-w", "-t", waitSeconds, "-s");
        return ToolRunner.RunAsync(command, timeout + TimeSpan.FromSeconds(10), ct);
    }

    /// <summary>
    /// The Unix socket lives in the data folder, so nothing touches /var/run/postgresql. When the folder's path
    /// is too long for a socket, the socket is disabled ('') and clients use TCP on 127.0.0.1 only.
    /// </summary>
    private string SocketDirectory(int port)
    {
        var socketPath = Path.Combine(_dataDirectory, ".s.PGSQL." + port.ToString(CultureInfo.InvariantCulture));
        return Encoding.UTF8.GetByteCount(socketPath) < MaxSocketPathBytes ? _dataDirectory : "";
    }
}
