using CarbonLedger.Domain.Accounts;
using CarbonLedger.Domain.Credits;
using CarbonLedger.Domain.Exchange;
using CarbonLedger.Domain.Identity;
using CarbonLedger.Domain.Instruments;
using CarbonLedger.Domain.Invariants;
using CarbonLedger.Domain.Rules;

namespace CarbonLedger.Domain.Registry;

/// <summary>
/// The registry ledger core: a deterministic state machine owned by one thread (the engine's single
/// writer). <see cref="Decide"/> validates a command against the state and describes its one event;
/// <see cref="Evolve"/> applies an event (live or from the journal); <see cref="Execute"/> does both
/// without materialising the event, for the in-memory hot path. All three share the same validation and
/// mutation code, so replaying the journal reproduces exactly the state that produced it.
/// State lives in flat arrays indexed by dense integers; a fungible transfer allocates nothing.
/// Not thread-safe by design: one owner, no locks.
/// </summary>
public sealed partial class Ledger
{
    private readonly LedgerLimits _limits;
    private readonly Dictionary<AccountId, int> _accountIndex;
    private AccountRecord[] _accounts;
    private int _accountCount;
    private readonly Dictionary<InstrumentId, int> _instrumentIndex = [];
    private InstrumentRecord[] _instruments = new InstrumentRecord[16];
    private int _instrumentCount;
    private readonly Dictionary<long, int> _positionIndex;
    private PositionRecord[] _positions;
    private int _positionCount;
    private readonly IdempotencyTable _keys;
    private readonly Dictionary<string, FreezeRecord> _freezes = new(StringComparer.Ordinal);
    private readonly Dictionary<ActorId, int> _openAuthorityAccounts = [];
    private bool _authorityEverOpened;
    private ulong _keysDigest = KeysDigest.Empty;
    private readonly ExchangeState _x;
    private readonly RuleBook _rules;

    /// <summary>
    /// Creates an empty ledger holding only the three built-in terminal sinks, enforcing
    /// <paramref name="limits"/> and trading under <paramref name="rules"/> (default: the SEEE rules of
    /// <see cref="DefaultRuleBook"/>). Rule data is append-only: a journal replays only under the rule
    /// versions it was written under.
    /// </summary>
    public Ledger(LedgerLimits? limits = null, RuleBook? rules = null)
    {
        _limits = limits ?? LedgerLimits.Default;
        _rules = rules ?? DefaultRuleBook.Create();
        _x = new ExchangeState(_limits.AccountCapacity, _limits.OrderCapacity);
        _accountIndex = new Dictionary<AccountId, int>(_limits.AccountCapacity);
        _accounts = new AccountRecord[_limits.AccountCapacity];
        _positionIndex = new Dictionary<long, int>(_limits.AccountCapacity);
        _positions = new PositionRecord[_limits.AccountCapacity];
        _keys = new IdempotencyTable(_limits.IdempotencyCapacity);
        ActorId system = ActorId.Of("SYSTEM");
        AddAccount(SinkAccounts.Surrendered, AccountType.SurrenderedSink, system);
        AddAccount(SinkAccounts.Retired, AccountType.RetiredSink, system);
        AddAccount(SinkAccounts.Cancelled, AccountType.CancelledSink, system);
    }

    /// <summary>The limits this ledger enforces.</summary>
    public LedgerLimits Limits => _limits;

    /// <summary>The market rules this ledger trades under.</summary>
    public RuleBook Rules => _rules;

    /// <summary>The sequence of the last applied event (0 for an empty ledger).</summary>
    public long Sequence { get; private set; }

    private int AddAccount(AccountId id, AccountType type, ActorId owner)
    {
        LedgerAssert.That(!_accountIndex.ContainsKey(id), "account added twice");
        if (_accountCount == _accounts.Length)
        {
            Array.Resize(ref _accounts, _accounts.Length * 2);
        }

        int index = _accountCount++;
        _accounts[index] = new AccountRecord(id, type, owner, AccountStatus.Open);
        _accountIndex.Add(id, index);
        _x.EnsureAccount(index);
        return index;
    }

    private int InstrumentIndexOrAdd(InstrumentId id)
    {
        if (_instrumentIndex.TryGetValue(id, out int index))
        {
            return index;
        }

        if (_instrumentCount == _instruments.Length)
        {
            Array.Resize(ref _instruments, _instruments.Length * 2);
        }

        index = _instrumentCount++;
        _instruments[index] = new InstrumentRecord(id, 0, id.IsSerialNumbered ? new SerialBook() : null, 0);
        _instrumentIndex.Add(id, index);
        return index;
    }

    private static long PositionKey(int account, int instrument) => ((long)account << 32) | (uint)instrument;

    private int PositionIndexOrAdd(int account, int instrument)
    {
        long key = PositionKey(account, instrument);
        if (_positionIndex.TryGetValue(key, out int index))
        {
            return index;
        }

        if (_positionCount == _positions.Length)
        {
            Array.Resize(ref _positions, _positions.Length * 2);
        }

        index = _positionCount++;
        _positions[index] = new PositionRecord { Account = account, Instrument = instrument };
        _positionIndex.Add(key, index);
        return index;
    }

    private long AvailableGrams(int account, int instrument) =>
        _positionIndex.TryGetValue(PositionKey(account, instrument), out int p) ? _positions[p].Available : 0;

    private bool IsAuthority(ActorId actor) =>
        _openAuthorityAccounts.TryGetValue(actor, out int count) && count > 0;

    private bool IsTerminal(int account) => _accounts[account].Type.IsTerminalSink();

    private void AdjustAuthorityCount(int account, int delta)
    {
        ref AccountRecord a = ref _accounts[account];
        if (a.Type != AccountType.Authority)
        {
            return;
        }

        _openAuthorityAccounts.TryGetValue(a.Owner, out int count);
        count += delta;
        LedgerAssert.That(count >= 0, "open authority account count went negative");
        _openAuthorityAccounts[a.Owner] = count;
    }
}
