using System.Net.Sockets;
using CarbonLedger.Engine.Postgres;

namespace CarbonLedger.Engine.Tests.Postgres;

/// <summary>Starting, stopping and deleting embedded servers; each test provisions its own server and folder.</summary>
public sealed class EmbeddedPostgresStartTests
{
    [Fact]
    public async Task StartAsync_FreshFolder_AnswersQueriesOnVersion13OrLater()
    {
        await using var server = await EmbeddedPostgres.StartAsync(EmbeddedPostgresOptions.Temporary());

        Assert.Equal(1, await Sql.ScalarAsync<int>(server.ConnectionString, "select 1"));
        var versionNumber = await Sql.ScalarAsync<string>(server.ConnectionString, "show server_version_num");
        Assert.True(int.Parse(versionNumber, System.Globalization.CultureInfo.InvariantCulture) >= 130000);
        var database = await Sql.ScalarAsync<string>(server.ConnectionString, "select current_database()");
        Assert.Equal("carbonledger", database);
        Assert.False(server.ReusedExistingCluster);
        Assert.False(server.AttachedToRunningServer);
        Assert.Contains($"Port={server.Port}", server.ConnectionString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_FreshFolder_ListensOnLoopbackWithSocketInDataFolderAndDurableDefaults()
    {
        // Durability stays at PostgreSQL's defaults; only the write-back settings of decisions 0002, 0019 and 0020
        // change, and they change nothing that a commit promises.
        await using var server = await EmbeddedPostgres.StartAsync(EmbeddedPostgresOptions.Temporary());

        var cs = server.ConnectionString;
        Assert.Equal("127.0.0.1", await Sql.ScalarAsync<string>(cs, "show listen_addresses"));
        Assert.Equal(server.DataDirectory, await Sql.ScalarAsync<string>(cs, "show unix_socket_directories"));
        Assert.Equal("on", await Sql.ScalarAsync<string>(cs, "show fsync"));
        Assert.Equal("on", await Sql.ScalarAsync<string>(cs, "show synchronous_commit"));
        Assert.Equal("200", await Sql.ScalarAsync<string>(cs, "show max_connections"));
        Assert.Equal("on", await Sql.ScalarAsync<string>(cs, "show full_page_writes"));
        Assert.Equal("32MB", await Sql.ScalarAsync<string>(cs, "show shared_buffers"));
        Assert.Equal("256kB", await Sql.ScalarAsync<string>(cs, "show backend_flush_after"));
        Assert.Equal("off", await Sql.ScalarAsync<string>(cs, "show wal_init_zero"));
        Assert.True(File.Exists(Path.Combine(server.DataDirectory, "server.log")));
    }

    [Fact]
    public async Task StartAsync_FreshFolder_ServerRunsWithTheAllocatorThresholds()
    {
        await using var server = await EmbeddedPostgres.StartAsync(EmbeddedPostgresOptions.Temporary());

        // The postmaster's environment as the kernel holds it (backends are forked from it, but overwrite that
        // area with their process titles). We run as root or as the server's own user, so it is readable.
        string[] environment =
            (await File.ReadAllTextAsync($"/proc/{server.ServerProcessId}/environ")).Split('\0');
        Assert.Contains("MALLOC_MMAP_THRESHOLD_=33554432", environment);
        Assert.Contains("MALLOC_TRIM_THRESHOLD_=268435456", environment);
    }

    [Fact]
    public async Task StartAsync_AnyUser_ServerNeverRunsAsRoot()
    {
        await using var server = await EmbeddedPostgres.StartAsync(EmbeddedPostgresOptions.Temporary());

        // As root the server must run as postgres; otherwise it runs as ourselves.
        var expected = Environment.IsPrivilegedProcess
            ? ProcessTable.UserIdOf("postgres")
            : ProcessTable.UserId(Environment.ProcessId);
        Assert.Equal(expected, ProcessTable.UserId(server.ServerProcessId));
        Assert.NotEqual(0, ProcessTable.UserId(server.ServerProcessId));
    }

    [Fact]
    public async Task StartAsync_TwoServersAtOnce_GetDifferentPortsAndBothWork()
    {
        var starting = new[]
        {
            EmbeddedPostgres.StartAsync(EmbeddedPostgresOptions.Temporary()),
            EmbeddedPostgres.StartAsync(EmbeddedPostgresOptions.Temporary()),
        };
        var servers = await Task.WhenAll(starting);
        try
        {
            Assert.NotEqual(servers[0].Port, servers[1].Port);
            Assert.NotEqual(servers[0].DataDirectory, servers[1].DataDirectory);
            await Sql.ExecuteAsync(servers[0].ConnectionString, "create table only_in_first (id int)");
            Assert.Equal(1, await Sql.ScalarAsync<int>(servers[1].ConnectionString, "select 1"));
            Assert.Equal(0L, await Sql.ScalarAsync<long>(
                servers[1].ConnectionString, "select count(*) from pg_tables where tablename = 'only_in_first'"));
        }
        finally
        {
            await servers[0].DisposeAsync();
            await servers[1].DisposeAsync();
        }
    }

    [Fact]
    public async Task StopAsync_RunningServer_RefusesConnectionsAndLeavesNoProcess()
    {
        var dataDirectory = DataFolders.NewTemporary();
        try
        {
            var options = new EmbeddedPostgresOptions { DataDirectory = dataDirectory };
            var server = await EmbeddedPostgres.StartAsync(options);
            Assert.NotEmpty(ProcessTable.Mentioning(dataDirectory));

            await server.StopAsync();
            await server.StopAsync();

            using var client = new TcpClient();
            await Assert.ThrowsAnyAsync<SocketException>(() => client.ConnectAsync("127.0.0.1", server.Port));
            Assert.False(ProcessTable.IsRunning(server.ServerProcessId));
            Assert.Empty(ProcessTable.Mentioning(dataDirectory));
            Assert.False(File.Exists(Path.Combine(dataDirectory, "postmaster.pid")));
            Assert.True(File.Exists(Path.Combine(dataDirectory, "PG_VERSION")));
        }
        finally
        {
            DataFolderRemoval.Delete(dataDirectory);
        }
    }

    [Fact]
    public async Task DisposeAsync_DeleteDataDirectoryOnStop_RemovesFolderAndLockFile()
    {
        var server = await EmbeddedPostgres.StartAsync(EmbeddedPostgresOptions.Temporary());
        Assert.True(Directory.Exists(server.DataDirectory));

        await server.DisposeAsync();

        Assert.False(Directory.Exists(server.DataDirectory));
        Assert.False(File.Exists(server.DataDirectory + ".lock"));
        Assert.Empty(ProcessTable.Mentioning(server.DataDirectory));
    }

    [Fact]
    public async Task StartAsync_NonEmptyFolderWithoutCluster_FailsWithInitDbReasonAndKeepsFiles()
    {
        var dataDirectory = DataFolders.NewTemporary();
        Directory.CreateDirectory(dataDirectory);
        await File.WriteAllTextAsync(Path.Combine(dataDirectory, "notes.txt"), "not a cluster");
        try
        {
            var options = new EmbeddedPostgresOptions { DataDirectory = dataDirectory };

            var error = await Assert.ThrowsAsync<PostgresStartFailedException>(
                () => EmbeddedPostgres.StartAsync(options));

            Assert.Contains("initdb", error.Message, StringComparison.Ordinal);
            Assert.Contains("not empty", error.Message, StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(dataDirectory, "notes.txt")));
            Assert.Empty(ProcessTable.Mentioning(dataDirectory));
        }
        finally
        {
            DataFolderRemoval.Delete(dataDirectory);
        }
    }
}
