using System.Text.RegularExpressions;
using Npgsql;

namespace CarbonLedger.Engine.Postgres;

/// <summary>Creates the application database on first start; a reused cluster already has it.</summary>
internal static partial class DatabaseCreator
{
    /// <summary>Validates a database name: a plain lower-case identifier needs no quoting anywhere.</summary>
    public static void Validate(string name)
    {
        if (!PlainIdentifier().IsMatch(name))
        {
            throw new ArgumentException(
                $"The database name must be a lower-case identifier of at most 63 characters: '{name}'.",
                nameof(name));
        }
    }

    public static async Task EnsureExistsAsync(int port, string name, CancellationToken ct)
    {
        Validate(name);
        await using var connection = new NpgsqlConnection(ServerConnectionStrings.Maintenance(port));
        await connection.OpenAsync(ct);

        await using var exists = new NpgsqlCommand("select 1 from pg_database where datname = $1", connection);
        exists.Parameters.Add(new NpgsqlParameter { Value = name });
        if (await exists.ExecuteScalarAsync(ct) is not null)
        {
            return;
        }

        // CREATE DATABASE takes no parameters; the name is a validated plain identifier, quoted anyway.
#pragma warning disable CA2100 // Reason: the only variable part is a name validated against PlainIdentifier.
        await using var create = new NpgsqlCommand($"create database \"{name}\"", connection);
#pragma warning restore CA2100
        try
        {
            await create.ExecuteNonQueryAsync(ct);
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.DuplicateDatabase
                                              or PostgresErrorCodes.UniqueViolation)
        {
            // Another process attached to the same server created it first: the outcome we wanted.
        }
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$")]
    private static partial Regex PlainIdentifier();
}
