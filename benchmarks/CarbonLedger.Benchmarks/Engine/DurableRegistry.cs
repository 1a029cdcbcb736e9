using CarbonLedger.Domain.Accounts;
using CarbonLedger.Domain.Identity;
using CarbonLedger.Domain.Instruments;
using CarbonLedger.Domain.Quantities;
using CarbonLedger.Domain.Registry;
using CarbonLedger.Engine;

namespace CarbonLedger.Benchmarks.Engine;

/// <summary>Seeds an engine with funded accounts and produces distinct transfer commands on demand.</summary>
internal sealed class DurableRegistry(int accounts = 1_000)
{
    private static readonly InstrumentId s_cea = InstrumentId.Parse("CEA-2024");
    private static readonly ActorId s_regulator = ActorId.Of("mee");
    private long _next;

    public int Accounts { get; } = accounts;

    public async Task SeedAsync(LedgerEngine engine)
    {
        var seeding = new List<Task<CommandResult>>
        {
            engine.SubmitAsync(new OpenAccount(IdempotencyKey.Of("open-mee"), s_regulator, AccountId.Of("MEE"),
                AccountType.Authority, s_regulator)),
        };
        for (int i = 0; i < Accounts; i++)
        {
            seeding.Add(engine.SubmitAsync(new OpenAccount(IdempotencyKey.Of($"open-{i}"), s_regulator, Id(i),
                AccountType.EnterpriseHolding, Owner(i))));
            seeding.Add(engine.SubmitAsync(new IssueAllowances(IdempotencyKey.Of($"issue-{i}"), s_regulator,
                AccountId.Of("MEE"), Id(i), s_cea, Co2e.FromTonnes(10_000_000))));
        }

        foreach (CommandResult r in await Task.WhenAll(seeding))
        {
            if (!r.Outcome.IsAccepted)
            {
                throw new InvalidOperationException($"seeding rejected: {r.Outcome.Rejection}");
            }
        }
    }

    /// <summary>A new transfer between two pseudo-random accounts under a never-used key.</summary>
    public TransferUnits NextTransfer()
    {
        long n = Interlocked.Increment(ref _next);
        int from = (int)((n * 7919) % Accounts);
        int to = (int)((from + 1 + (n % (Accounts - 1))) % Accounts);
        return new TransferUnits(IdempotencyKey.Of($"tr-{Environment.ProcessId}-{n}"), Owner(from), Id(from), Id(to),
            s_cea, Co2e.FromTonnes(1 + (n % 50)));
    }

    private static AccountId Id(int i) => AccountId.Of($"ENT-{i:D5}");

    private static ActorId Owner(int i) => ActorId.Of($"owner-{i:D5}");
}
