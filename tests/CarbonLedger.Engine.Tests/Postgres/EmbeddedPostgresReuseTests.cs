using CarbonLedger.Engine.Postgres;

namespace CarbonLedger.Engine.Tests.Postgres;

/// <summary>Starting on a folder that already holds a cluster, stopped or still running.</summary>
public sealed class EmbeddedPostgresReuseTests
{
    [Fact]
    public async Task StartAsync_FolderWithStoppedCluster_ReusesClusterAndKeepsRows()
    {
        var dataDirectory = DataFolders.NewTemporary();
        try
        {
            var keep = new EmbeddedPostgresOptions { DataDirectory = dataDirectory };
            await using (var first = await EmbeddedPostgres.StartAsync(keep))
            {
                Assert.False(first.ReusedExistingCluster);
                await Sql.ExecuteAsync(first.ConnectionString, "create table kept (note text)");
                await Sql.ExecuteAsync(first.ConnectionString, "insert into kept values ('still here')");
            }

            await using var second = await EmbeddedPostgres.StartAsync(
                new EmbeddedPostgresOptions { DataDirectory = dataDirectory, DeleteDataDirectoryOnStop = true });

            Assert.True(second.ReusedExistingCluster);
            Assert.False(second.AttachedToRunningServer);
            Assert.Equal("still here", await Sql.ScalarAsync<string>(second.ConnectionString, "select note from kept"));
        }
        finally
        {
            DataFolderRemoval.Delete(dataDirectory);
        }
    }

    [Fact]
    public async Task StartAsync_ServerRunningForLiveOwner_AttachesAndLeavesItRunning()
    {
        await using var owner = await EmbeddedPostgres.StartAsync(EmbeddedPostgresOptions.Temporary());

        var attached = await EmbeddedPostgres.StartAsync(
            new EmbeddedPostgresOptions { DataDirectory = owner.DataDirectory, DeleteDataDirectoryOnStop = true });
        Assert.True(attached.AttachedToRunningServer);
        Assert.True(attached.ReusedExistingCluster);
        Assert.Equal(owner.Port, attached.Port);
        Assert.Equal(owner.ServerProcessId, attached.ServerProcessId);
        Assert.Equal(1, await Sql.ScalarAsync<int>(attached.ConnectionString, "select 1"));

        await attached.DisposeAsync();

        Assert.True(Directory.Exists(owner.DataDirectory));
        Assert.Equal(1, await Sql.ScalarAsync<int>(owner.ConnectionString, "select 1"));
    }

    [Fact]
    public async Task StartAsync_ServerRunningForDeadOwner_StopsOrphanAndStartsItsOwn()
    {
        var orphan = await EmbeddedPostgres.StartAsync(EmbeddedPostgresOptions.Temporary());
        var dataDirectory = orphan.DataDirectory;
        // Pretend the owner died: our own pid with another start time is a recycled pid, i.e. a dead owner.
        ServerOwnerFile.Write(dataDirectory, new ProcessIdentity(Environment.ProcessId, StartTicks: -1));

        await using var successor = await EmbeddedPostgres.StartAsync(
            new EmbeddedPostgresOptions { DataDirectory = dataDirectory, DeleteDataDirectoryOnStop = true });

        Assert.False(successor.AttachedToRunningServer);
        Assert.True(successor.ReusedExistingCluster);
        Assert.NotEqual(orphan.ServerProcessId, successor.ServerProcessId);
        Assert.False(ProcessTable.IsRunning(orphan.ServerProcessId));

        // The orphan's former owner stopping late must neither stop the successor nor delete its folder.
        await orphan.DisposeAsync();
        Assert.True(Directory.Exists(dataDirectory));
        Assert.Equal(1, await Sql.ScalarAsync<int>(successor.ConnectionString, "select 1"));
    }
}
