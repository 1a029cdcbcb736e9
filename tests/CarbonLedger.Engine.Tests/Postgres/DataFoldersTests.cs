using CarbonLedger.Engine.Postgres;

namespace CarbonLedger.Engine.Tests.Postgres;

/// <summary>Where the persistent and temporary data folders are.</summary>
public sealed class DataFoldersTests
{
    private static Func<string, string?> Environment(params (string Name, string Value)[] variables) =>
        name => variables.Where(v => v.Name == name).Select(v => v.Value).FirstOrDefault();

    [Fact]
    public void Persistent_DataVariableSet_UsesItForAnyUser()
    {
        var env = Environment(("CARBONLEDGER_DATA", "/srv/ledger/pgdata"), ("XDG_DATA_HOME", "/home/ann/.data"));

        Assert.Equal("/srv/ledger/pgdata", DataFolders.Persistent(env, isRoot: false, home: "/home/ann"));
        Assert.Equal("/srv/ledger/pgdata", DataFolders.Persistent(env, isRoot: true, home: "/root"));
    }

    [Fact]
    public void Persistent_Root_UsesVarLibNotRootsHome()
    {
        var env = Environment(("XDG_DATA_HOME", "/root/.local/share"));

        Assert.Equal("/var/lib/carbonledger/pgdata", DataFolders.Persistent(env, isRoot: true, home: "/root"));
    }

    [Fact]
    public void Persistent_UserWithXdgDataHome_UsesIt()
    {
        var env = Environment(("XDG_DATA_HOME", "/home/ann/.data"));

        Assert.Equal(
            "/home/ann/.data/carbonledger/pgdata",
            DataFolders.Persistent(env, isRoot: false, home: "/home/ann"));
    }

    [Fact]
    public void Persistent_UserWithoutOrWithRelativeXdgDataHome_UsesLocalShare()
    {
        Assert.Equal(
            "/home/ann/.local/share/carbonledger/pgdata",
            DataFolders.Persistent(Environment(), isRoot: false, home: "/home/ann"));
        Assert.Equal(
            "/home/ann/.local/share/carbonledger/pgdata",
            DataFolders.Persistent(Environment(("XDG_DATA_HOME", "relative/data")), isRoot: false, home: "/home/ann"));
    }

    [Fact]
    public void NewTemporary_TwoCalls_GiveDistinctNotYetExistingFolders()
    {
        var first = DataFolders.NewTemporary();
        var second = DataFolders.NewTemporary();

        Assert.NotEqual(first, second);
        Assert.StartsWith("carbonledger-test-", Path.GetFileName(first), StringComparison.Ordinal);
        Assert.True(Path.IsPathRooted(first));
        Assert.False(Directory.Exists(first));
    }
}
