using CarbonLedger.Domain.Accounts;
using CarbonLedger.Domain.Identity;
using CarbonLedger.Domain.Instruments;
using CarbonLedger.Domain.Quantities;
using CarbonLedger.Domain.Registry;

namespace CarbonLedger.Benchmarks.Domain;

/// <summary>
/// A registry of <see cref="Accounts"/> funded accounts and a stream of transfers between random pairs
/// (uniform or skewed to one hot account), each with its own idempotency key, built before measuring.
/// </summary>
internal sealed class TransferWorkload
{
    public const int Accounts = 1_000;
    private static readonly InstrumentId s_cea = InstrumentId.Parse("CEA-2024");

    public TransferWorkload(int transfers, bool hotAccount, int seed = 7)
    {
        var rng = new Random(seed);
        var regulator = ActorId.Of("mee");
        Setup.Add(new OpenAccount(IdempotencyKey.Of("open-mee"), regulator, AccountId.Of("MEE"), AccountType.Authority, regulator));
        var ids = new AccountId[Accounts];
        var owners = new ActorId[Accounts];
        for (int i = 0; i < Accounts; i++)
        {
            ids[i] = AccountId.Of($"ENT-{i:D5}");
            owners[i] = ActorId.Of($"owner-{i:D5}");
            Setup.Add(new OpenAccount(IdempotencyKey.Of($"open-{i}"), regulator, ids[i], AccountType.EnterpriseHolding, owners[i]));
            Setup.Add(new IssueAllowances(IdempotencyKey.Of($"issue-{i}"), regulator, AccountId.Of("MEE"), ids[i], s_cea,
                Co2e.FromTonnes(10_000_000)));
        }

        Transfers = new LedgerCommand[transfers];
        for (int t = 0; t < transfers; t++)
        {
            int from = hotAccount && rng.Next(2) == 0 ? 0 : rng.Next(Accounts);
            int to = rng.Next(Accounts - 1);
            to = to >= from ? to + 1 : to;
            Transfers[t] = new TransferUnits(IdempotencyKey.Of($"t-{t}"), owners[from], ids[from], ids[to], s_cea,
                Co2e.FromTonnes(1 + rng.Next(100)));
        }
    }

    public List<LedgerCommand> Setup { get; } = [];

    public LedgerCommand[] Transfers { get; }

    public Ledger NewLedger()
    {
        var ledger = new Ledger(LedgerLimits.Default with { IdempotencyCapacity = Transfers.Length + Setup.Count + 16 });
        foreach (LedgerCommand c in Setup)
        {
            if (!ledger.Execute(c).IsAccepted)
            {
                throw new InvalidOperationException($"setup command {c.Key} rejected");
            }
        }

        return ledger;
    }
}
