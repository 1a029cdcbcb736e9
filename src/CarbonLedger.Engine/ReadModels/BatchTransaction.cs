using Npgsql;

namespace CarbonLedger.Engine.ReadModels;

/// <summary>Runs a batch of read-model statements as one transaction: all of it, or none of it.</summary>
internal static class BatchTransaction
{
    /// <summary>Executes <paramref name="batch"/> on a connection of its own, in one transaction; commits.</summary>
    public static async Task ExecuteAsync(NpgsqlDataSource dataSource, NpgsqlBatch batch, CancellationToken ct)
    {
        await using NpgsqlConnection connection = await dataSource.OpenConnectionAsync(ct);
        await using NpgsqlTransaction transaction = await connection.BeginTransactionAsync(ct);
        batch.Connection = connection;
        batch.Transaction = transaction;
        await batch.ExecuteNonQueryAsync(ct);
        await transaction.CommitAsync(ct);
    }
}
