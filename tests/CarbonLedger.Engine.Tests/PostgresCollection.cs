using CarbonLedger.Testing.Postgres;

namespace CarbonLedger.Engine.Tests;

#pragma warning disable CA1711 // xunit's collection-definition idiom: the name says what it is.
[CollectionDefinition("postgres")]
public sealed class PostgresCollection : ICollectionFixture<PostgresFixture>;
#pragma warning restore CA1711
