using CarbonLedger.Testing.Postgres;

namespace CarbonLedger.Engine.Tests;

/// <summary>
/// The test classes that share one PostgreSQL: mark them <c>[Collection("postgres")]</c> and take a
/// <see cref="PostgresFixture"/> in the constructor; give each class its own schema via
/// <see cref="PostgresFixture.NewSchemaName"/>.
/// </summary>
#pragma warning disable CA1711 // Reason: xunit's convention names a collection definition "<Name>Collection";
                               // it is a marker class, not a collection type.
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresFixture>
#pragma warning restore CA1711
{
    /// <summary>The collection's name, for <c>[Collection(PostgresCollection.Name)]</c>.</summary>
    public const string Name = "postgres";
}
