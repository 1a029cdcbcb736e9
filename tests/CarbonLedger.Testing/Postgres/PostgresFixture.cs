namespace CarbonLedger.Testing.Postgres;

/// <summary>TEMPORARY placeholder until the provisioning branch lands (uses CARBONLEDGER_CONNECTION).</summary>
public sealed class PostgresFixture : Xunit.IAsyncLifetime
{
    private int _schemas;

    public string ConnectionString { get; private set; } = "";

    public string NewSchemaName(string prefix) =>
        $"{prefix.ToLowerInvariant()}_{Environment.ProcessId}_{Interlocked.Increment(ref _schemas)}_{Guid.NewGuid():N}"[..40];

    public Task InitializeAsync()
    {
        ConnectionString = Environment.GetEnvironmentVariable("CARBONLEDGER_CONNECTION")
            ?? throw new InvalidOperationException("set CARBONLEDGER_CONNECTION");
        return Task.CompletedTask;
    }

    public Task DisposeAsync() => Task.CompletedTask;
}
