using CarbonLedger.Engine.Postgres;

namespace CarbonLedger.Engine.Tests.Postgres;

/// <summary>Finding the server binaries, and the message when they are missing.</summary>
public sealed class PostgresBinariesTests
{
    [Fact]
    public void Locate_InstalledServer_FindsInitDbPgCtlAndPostgres()
    {
        var binaries = PostgresBinaries.Locate();

        Assert.True(File.Exists(binaries.InitDb));
        Assert.True(File.Exists(binaries.PgCtl));
        Assert.True(File.Exists(binaries.Postgres));
    }

    [Fact]
    public async Task StartAsync_BinDirectoryWithoutBinaries_ThrowsNotFoundNamingInstallCommand()
    {
        var emptyBin = Directory.CreateTempSubdirectory("carbonledger-empty-bin-");
        var dataDirectory = DataFolders.NewTemporary();
        try
        {
            var options = new EmbeddedPostgresOptions
            {
                DataDirectory = dataDirectory,
                BinDirectory = emptyBin.FullName,
            };

            var error = await Assert.ThrowsAsync<PostgresBinariesNotFoundException>(
                () => EmbeddedPostgres.StartAsync(options));

            Assert.Contains("apt-get install -y postgresql", error.Message, StringComparison.Ordinal);
            Assert.Contains(EnvironmentVariables.PostgresBin, error.Message, StringComparison.Ordinal);
            Assert.Contains(emptyBin.FullName, error.Message, StringComparison.Ordinal);
            Assert.DoesNotContain('\n', error.Message);
            Assert.False(Directory.Exists(dataDirectory));
        }
        finally
        {
            emptyBin.Delete(recursive: true);
        }
    }

    [Fact]
    public void Locate_FolderWithOnlySomeTools_ThrowsNotFound()
    {
        var partialBin = Directory.CreateTempSubdirectory("carbonledger-partial-bin-");
        try
        {
            var installed = PostgresBinaries.Locate();
            File.CreateSymbolicLink(Path.Combine(partialBin.FullName, "initdb"), installed.InitDb);
            File.CreateSymbolicLink(Path.Combine(partialBin.FullName, "pg_ctl"), installed.PgCtl);

            var error = Assert.Throws<PostgresBinariesNotFoundException>(
                () => PostgresBinaries.Locate(partialBin.FullName));

            Assert.Equal([partialBin.FullName], error.SearchedDirectories);
        }
        finally
        {
            partialBin.Delete(recursive: true);
        }
    }
}
