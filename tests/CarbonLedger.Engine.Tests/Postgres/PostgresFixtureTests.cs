using CarbonLedger.Testing.Postgres;

namespace CarbonLedger.Engine.Tests.Postgres;

/// <summary>The shared fixture that other database tests use, exercised the way they use it.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresFixtureTests
{
    private readonly PostgresFixture _postgres;

    public PostgresFixtureTests(PostgresFixture postgres)
    {
        _postgres = postgres;
    }

    [Fact]
    public async Task ConnectionString_SharedDatabase_AnswersQueries()
    {
        Assert.Equal(1, await Sql.ScalarAsync<int>(_postgres.ConnectionString, "select 1"));
    }

    [Fact]
    public async Task NewSchemaName_ManyCalls_GivesUniqueIdentifiersUsableUnquoted()
    {
        var names = Enumerable.Range(0, 50).Select(_ => _postgres.NewSchemaName(nameof(PostgresFixtureTests))).ToList();

        Assert.Equal(names.Count, names.Distinct().Count());
        foreach (var name in names.Take(3))
        {
            Assert.StartsWith("postgresfixturetests_", name, StringComparison.Ordinal);
            // Unquoted: PostgreSQL folds it to lower case, so it must already be lower case to round-trip.
            await Sql.ExecuteAsync(_postgres.ConnectionString, $"create schema {name}");
            Assert.Equal(1L, await Sql.ScalarAsync<long>(
                _postgres.ConnectionString, $"select count(*) from pg_namespace where nspname = '{name}'"));
            await Sql.ExecuteAsync(_postgres.ConnectionString, $"drop schema {name}");
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("123 Start-With Digits!")]
    [InlineData("Ünïcödé Class")]
    [InlineData("AVeryLongTestClassNameThatGoesOnAndOnAndOnWellBeyondWhatPostgreSqlAllowsForIdentifiers")]
    public void NewSchemaName_AnyPrefix_IsValidLowerCaseIdentifier(string prefix)
    {
        var name = _postgres.NewSchemaName(prefix);

        Assert.Matches("^[a-z_][a-z0-9_]*$", name);
        Assert.InRange(name.Length, 1, 63);
    }
}
