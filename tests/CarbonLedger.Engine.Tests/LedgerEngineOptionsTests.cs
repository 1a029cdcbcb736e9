namespace CarbonLedger.Engine.Tests;

/// <summary>
/// Bounds that cannot work are refused by <see cref="LedgerEngine.StartAsync"/> with the option's name, before
/// any connection is made (the connection string here points nowhere: reaching it would fail differently).
/// </summary>
public sealed class LedgerEngineOptionsTests
{
    private static readonly LedgerEngineOptions s_valid = new() { ConnectionString = "Host=nowhere.invalid" };

    public static TheoryData<string, LedgerEngineOptions> Invalid() => new()
    {
        { nameof(LedgerEngineOptions.MaxBatchSize), s_valid with { MaxBatchSize = 0 } },
        { nameof(LedgerEngineOptions.ReadModelLag), s_valid with { ReadModelLag = 0 } },
        { nameof(LedgerEngineOptions.QueueCapacity), s_valid with { QueueCapacity = -1 } },
        { nameof(LedgerEngineOptions.CheckpointEvery), s_valid with { CheckpointEvery = 0 } },
        { nameof(LedgerEngineOptions.OverlapFrom), s_valid with { OverlapFrom = -1 } },
        {
            nameof(LedgerEngineOptions.ReadModelLinger),
            s_valid with { ReadModelLinger = TimeSpan.FromMilliseconds(-1) }
        },
        { nameof(LedgerEngineOptions.Schema), s_valid with { Schema = " " } },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public async Task StartAsync_InvalidOption_RefusedNamingIt(string option, LedgerEngineOptions options)
    {
        ArgumentException error =
            await Assert.ThrowsAnyAsync<ArgumentException>(() => LedgerEngine.StartAsync(options));
        Assert.Equal(option, error.ParamName);
    }

    [Fact]
    public void Validate_Defaults_Accepted()
    {
        s_valid.Validate();
        Assert.Equal(128, s_valid.OverlapFrom);
        Assert.Equal(TimeSpan.FromMilliseconds(10), s_valid.ReadModelLinger);
    }
}
