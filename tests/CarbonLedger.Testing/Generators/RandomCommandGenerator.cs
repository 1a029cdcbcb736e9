using CarbonLedger.Domain.Accounts;
using CarbonLedger.Domain.Credits;
using CarbonLedger.Domain.Identity;
using CarbonLedger.Domain.Instruments;
using CarbonLedger.Domain.Quantities;
using CarbonLedger.Domain.Registry;
using CarbonLedger.Testing.Reference;
using NodaTime;

namespace CarbonLedger.Testing.Generators;

/// <summary>
/// A seeded stream of ledger commands for differential testing. It reads the <see cref="ReferenceLedger"/>
/// to make most commands plausible (right owner, quantities near the available balance, serial ranges
/// taken from real holdings), then breaks a share of them on purpose: unknown, closed, suspended or sink
/// accounts, wrong actors, zero/negative/fractional/huge quantities, blank or over-long text, invalid,
/// mismatched, foreign, frozen or terminal serial ranges, reused freeze ids, and reused idempotency keys
/// with the same and with a different command. Deterministic for a given seed and oracle history.
/// </summary>
public sealed partial class RandomCommandGenerator
{
    private static readonly string[] s_actors = ["reg", "reg2", "alice", "bob", "carol", "dave", "mallory", "SYSTEM"];

    private static readonly string[] s_accountPool =
    [
        "PROV-SH", "E-1", "E-2", "E-3", "E-4", "E-5", "E-6", "T-1", "T-2", "P-1", "I-1", "X-1", "X-2",
        "FEE-1", "CLR-1", "SYS-RETIRED", "SYS-CANCELLED", "SYS-SURRENDERED",
    ];

    private static readonly string[] s_neverOpened = ["GHOST", "NOBODY-9"];
    private static readonly string[] s_reserved = ["SYS-NEW", "sys-retired", "Sys-X"];

    private static readonly InstrumentId[] s_allowances =
        [Instr("CEA-2024"), Instr("CEA-2025"), Instr("SHEA-2024")];

    private static readonly InstrumentId[] s_credits = [Instr("CCER-2023"), Instr("SHCER-2025")];
    private static readonly InstrumentId s_neverIssued = Instr("CCER-2030");

    private static readonly AccountType[] s_openableTypes =
    [
        AccountType.EnterpriseHolding, AccountType.EnterpriseHolding, AccountType.Trading,
        AccountType.InclusionPlatform, AccountType.InclusionIndividual, AccountType.ExchangeClearing, AccountType.Fee,
    ];

    private static readonly LocalDate s_periodStart = new(2024, 1, 1);

    private readonly Random _rng;
    private readonly ReferenceLedger _state;
    private readonly LedgerLimits _limits;
    private readonly List<LedgerCommand> _history = [];
    private readonly Queue<LedgerCommand> _bootstrap = new();
    private readonly Dictionary<InstrumentId, long> _serialCursor = [];
    private int _nextKey;
    private int _nextFreeze;

    /// <summary>Creates the generator; <paramref name="state"/> must see every command this generator emits.</summary>
    public RandomCommandGenerator(int seed, ReferenceLedger state, LedgerLimits limits)
    {
        _rng = new Random(seed);
        _state = state;
        _limits = limits;
        foreach (InstrumentId credit in s_credits)
        {
            _serialCursor[credit] = 1 + _rng.Next(0, 1000);
        }

        Bootstrap();
    }

    /// <summary>The next command.</summary>
    public LedgerCommand Next()
    {
        LedgerCommand command = _bootstrap.Count > 0 ? _bootstrap.Dequeue() : RandomCommand();
        _history.Add(command);
        return command;
    }

    private void Bootstrap()
    {
        _bootstrap.Enqueue(new OpenAccount(Key(), Actor("alice"), Acc("MEE"), AccountType.Authority, Actor("reg")));
        _bootstrap.Enqueue(new OpenAccount(Key(), Actor("reg"), Acc("E-1"), AccountType.EnterpriseHolding,
            Actor("alice")));
        _bootstrap.Enqueue(new OpenAccount(Key(), Actor("reg"), Acc("E-2"), AccountType.EnterpriseHolding,
            Actor("bob")));
        _bootstrap.Enqueue(new OpenAccount(Key(), Actor("reg"), Acc("T-1"), AccountType.Trading, Actor("carol")));
        _bootstrap.Enqueue(new IssueAllowances(Key(), Actor("reg"), Acc("MEE"), Acc("E-1"), s_allowances[0],
            Co2e.FromTonnes(5_000)));
        _bootstrap.Enqueue(new IssueCredits(Key(), Actor("reg"), Acc("MEE"), Acc("E-2"), s_credits[0],
            new SerialRange(1, 300), "PRJ-BOOT"));
    }

    private LedgerCommand RandomCommand()
    {
        int roll = _rng.Next(100);
        if (roll < 4 && _history.Count > 0)
        {
            // The same command again under its key: AlreadyApplied if it was accepted, judged afresh if not.
            return _history[_rng.Next(_history.Count)];
        }

        if (roll < 7 && _history.Count > 0)
        {
            // A new command reusing an earlier key: a conflict if that key was accepted.
            return Plausible() with { Key = _history[_rng.Next(_history.Count)].Key };
        }

        LedgerCommand command = Plausible();
        return _rng.Next(100) < 22 ? Break(command) : command;
    }

    private LedgerCommand Plausible()
    {
        int roll = _rng.Next(100);
        return roll switch
        {
            < 4 => OpenSomething(),
            < 7 => new SuspendAccount(Key(), AuthorityActor(), ExistingAccount(), Text()),
            < 10 => new ReinstateAccount(Key(), AuthorityActor(), Pick(SuspendedAccounts(), ExistingAccount), Text()),
            < 12 => new CloseAccount(Key(), AuthorityActor(), Pick(EmptyAccounts(), ExistingAccount)),
            < 22 => IssueAllowances(),
            < 26 => IssueCredits(),
            < 50 => Transfer(),
            < 59 => Retire(),
            < 65 => Cancel(),
            < 72 => Surrender(),
            < 76 => ForceSurrender(),
            < 78 => ClawBack(),
            < 87 => Freeze(),
            _ => Unfreeze(),
        };
    }

    private OpenAccount OpenSomething()
    {
        AccountType type = _rng.Next(100) switch
        {
            < 4 => AccountType.Authority,
            < 6 => (AccountType)(8 + _rng.Next(3)),
            < 7 => (AccountType)99,
            _ => s_openableTypes[_rng.Next(s_openableTypes.Length)],
        };
        AccountId id = _rng.Next(100) < 3 ? Acc(s_reserved[_rng.Next(s_reserved.Length)]) : NewAccountId();
        return new OpenAccount(Key(), AuthorityActor(), id, type, Actor(RandomActor()));
    }

    private IssueAllowances IssueAllowances()
    {
        (AccountId authority, ActorId actor) = AuthorityAccount();
        InstrumentId instrument = s_allowances[_rng.Next(s_allowances.Length)];
        return new IssueAllowances(Key(), actor, authority, ReceivingAccount(), instrument,
            Co2e.FromTonnes(1 + _rng.Next(0, 2_000)));
    }

    private IssueCredits IssueCredits()
    {
        (AccountId authority, ActorId actor) = AuthorityAccount();
        InstrumentId instrument = s_credits[_rng.Next(s_credits.Length)];
        long length = 1 + _rng.Next(0, 400);
        long start = _serialCursor[instrument];
        if (_rng.Next(100) < 10)
        {
            start = Math.Max(1, start - 1 - _rng.Next(0, 500)); // overlaps an earlier block (usually)
        }
        else if (_rng.Next(100) < 3)
        {
            start = SerialRange.MaxSerial - length + 1; // the very top of the serial space
        }
        else
        {
            _serialCursor[instrument] = start + length + _rng.Next(0, 3);
        }

        return new IssueCredits(Key(), actor, authority, ReceivingAccount(), instrument,
            new SerialRange(start, start + length - 1), "PRJ-" + _rng.Next(1, 50));
    }

    private TransferUnits Transfer()
    {
        (AccountId from, ActorId owner, InstrumentId instrument) = SourceHolding();
        (Co2e quantity, SerialRange? serials) = Amount(from, instrument);
        AccountId to = ReceivingAccount();
        return new TransferUnits(Key(), owner, from, to == from ? ReceivingAccount() : to, instrument, quantity,
            serials);
    }

    private RetireUnits Retire()
    {
        (AccountId account, ActorId owner, InstrumentId instrument) = SourceHolding();
        (Co2e quantity, SerialRange? serials) = Amount(account, instrument);
        LocalDate start = s_periodStart.PlusDays(_rng.Next(0, 400));
        return new RetireUnits(Key(), owner, account, instrument, quantity, "Beneficiary " + _rng.Next(9),
            "Offset " + _rng.Next(9), start, start.PlusDays(_rng.Next(0, 366)), serials);
    }

    private CancelUnits Cancel()
    {
        (AccountId account, ActorId owner, InstrumentId instrument) = SourceHolding();
        (Co2e quantity, SerialRange? serials) = Amount(account, instrument);
        return new CancelUnits(Key(), owner, account, instrument, quantity, Text(), serials);
    }

    private SurrenderUnits Surrender()
    {
        (AccountId account, ActorId owner, InstrumentId instrument) = SourceHolding();
        (Co2e quantity, SerialRange? serials) = Amount(account, instrument);
        return new SurrenderUnits(Key(), owner, account, instrument, quantity, Vintage.Of(2021 + _rng.Next(6)),
            serials);
    }

    private FreezeUnits Freeze()
    {
        (AccountId account, _, InstrumentId instrument) = SourceHolding();
        (Co2e quantity, SerialRange? serials) = Amount(account, instrument);
        string freezeId = _rng.Next(100) < 8 && _nextFreeze > 0
            ? "F-" + _rng.Next(1, _nextFreeze + 1)
            : "F-" + ++_nextFreeze;
        return new FreezeUnits(Key(), AuthorityActor(), account, instrument, quantity, freezeId, Text(), serials);
    }

    private ClawBackUnits ClawBack()
    {
        (AccountId account, _, InstrumentId instrument) = SourceHolding();
        (Co2e quantity, _) = Amount(account, instrument);
        AccountId authority = _state.AllAccounts().Where(a => a.Type == AccountType.Authority)
            .Select(a => a.Id).DefaultIfEmpty(account).First();
        return new ClawBackUnits(Key(), AuthorityActor(), account, authority, instrument, quantity, Text());
    }

    private ForceSurrenderUnits ForceSurrender()
    {
        var open = _state.AllFreezes().Where(f => f.Remaining.Grams > 0).ToList();
        Vintage year = Vintage.Of(2021 + _rng.Next(6));
        if (open.Count == 0 || _rng.Next(100) < 50)
        {
            (AccountId account, _, InstrumentId instrument) = SourceHolding();
            (Co2e quantity, _) = Amount(account, instrument);
            return new ForceSurrenderUnits(Key(), AuthorityActor(), account, instrument, quantity, year);
        }

        FreezeInfo f = open[_rng.Next(open.Count)];
        long remaining = f.Remaining.Grams / Co2e.GramsPerTonne;
        long tonnes = _rng.Next(100) < 40 ? remaining : 1 + LongBelow(remaining + (_rng.Next(100) < 8 ? 2 : 0));
        return new ForceSurrenderUnits(Key(), AuthorityActor(), f.Account, f.Instrument, Co2e.FromTonnes(tonnes),
            year, f.FreezeId);
    }

    private UnfreezeUnits Unfreeze()
    {
        var open = _state.AllFreezes().Where(f => f.Remaining.Grams > 0).ToList();
        if (open.Count == 0 || _rng.Next(100) < 5)
        {
            return new UnfreezeUnits(Key(), AuthorityActor(), ExistingAccount(), AnyInstrument(), Tonnes(1, 50),
                "F-" + _rng.Next(0, _nextFreeze + 2), Text());
        }

        FreezeInfo f = open[_rng.Next(open.Count)];
        long remaining = f.Remaining.Grams / Co2e.GramsPerTonne;
        long tonnes = _rng.Next(100) < 40 ? remaining : 1 + LongBelow(remaining + (_rng.Next(100) < 8 ? 2 : 0));
        return new UnfreezeUnits(Key(), AuthorityActor(), f.Account, f.Instrument, Co2e.FromTonnes(tonnes),
            f.FreezeId, Text());
    }
}
