using System.Collections.Concurrent;
using CarbonLedger.Engine.Postgres;
using Npgsql;
using Xunit;

namespace CarbonLedger.Testing.Postgres;

/// <summary>
/// One PostgreSQL for a whole test collection: the server named by <c>CARBONLEDGER_CONNECTION</c> when set,
/// else ONE embedded server in a temporary folder that is deleted afterwards. Test classes isolate themselves
/// with their own schema (<see cref="NewSchemaName"/>), which is much cheaper than a server or database each.
/// </summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    /// <summary>PostgreSQL truncates identifiers longer than this (NAMEDATALEN - 1).</summary>
    private const int MaxIdentifierLength = 63;

    private const int SuffixLength = 12;

    private readonly ConcurrentQueue<string> _issuedSchemas = new();
    private LedgerDatabase? _database;

    /// <summary>The Npgsql connection string of the shared database.</summary>
    public string ConnectionString => Database.ConnectionString;

    /// <summary>True when the fixture runs its own embedded server (no <c>CARBONLEDGER_CONNECTION</c>).</summary>
    public bool IsEmbedded => Database.IsEmbedded;

    private LedgerDatabase Database =>
        _database ?? throw new InvalidOperationException("The PostgresFixture is used before InitializeAsync ran.");

    /// <summary>
    /// A schema name no other test uses: the prefix (e.g. the test class name) reduced to lower-case letters,
    /// digits and underscores, plus a random suffix; always a valid, unquoted PostgreSQL identifier.
    /// </summary>
    public string NewSchemaName(string prefix)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        var cleaned = new string(prefix.Select(c => char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '_')
            .ToArray()).Trim('_');
        if (cleaned.Length == 0 || char.IsAsciiDigit(cleaned[0]))
        {
            cleaned = "t_" + cleaned;
        }

        var head = cleaned[..Math.Min(cleaned.Length, MaxIdentifierLength - SuffixLength - 1)];
        var name = head + "_" + Guid.NewGuid().ToString("N")[..SuffixLength];
        _issuedSchemas.Enqueue(name);
        return name;
    }

    /// <inheritdoc />
    public async Task InitializeAsync() =>
        _database = await LedgerDatabase.OpenAsync(new LedgerDatabaseOptions { Temporary = true });

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_database is null)
        {
            return;
        }

        // A temporary embedded server takes its schemas with it; a shared external database must be tidied.
        if (!_database.IsEmbedded)
        {
            await DropIssuedSchemasAsync(_database.ConnectionString);
        }

        await _database.DisposeAsync();
    }

    private async Task DropIssuedSchemasAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        while (_issuedSchemas.TryDequeue(out var schema))
        {
#pragma warning disable CA2100 // Reason: schema names come from NewSchemaName, which emits [a-z0-9_] only.
            await using var drop = new NpgsqlCommand($"drop schema if exists \"{schema}\" cascade", connection);
#pragma warning restore CA2100
            await drop.ExecuteNonQueryAsync();
        }
    }
}
