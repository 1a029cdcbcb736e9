using CarbonLedger.Domain.Accounts;
using CarbonLedger.Domain.Credits;
using CarbonLedger.Domain.Identity;
using CarbonLedger.Domain.Instruments;
using CarbonLedger.Domain.Quantities;
using CarbonLedger.Domain.Registry;

namespace CarbonLedger.Testing.Generators;

/// <summary>Plausible choices read from the oracle's state, and the deliberate breakages.</summary>
public sealed partial class RandomCommandGenerator
{
    private const string Permanent = "MEE"; // never suspended or closed on purpose, so the stream keeps an authority
    private int _freshAccounts;

    private LedgerCommand Break(LedgerCommand command)
    {
        List<Func<LedgerCommand>> options = [() => command with { Actor = Actor(RandomActor()) }];
        switch (command)
        {
            case OpenAccount c:
                options.Add(() => c with { Account = Acc(s_reserved[_rng.Next(s_reserved.Length)]) });
                options.Add(() => c with { Type = (AccountType)(8 + _rng.Next(3)) });
                options.Add(() => c with { Account = ExistingAccount() });
                break;
            case SuspendAccount c:
                options.Add(() => c with { Account = BadAccount() });
                options.Add(() => c with { Reason = BadText() });
                break;
            case ReinstateAccount c:
                options.Add(() => c with { Account = BadAccount() });
                options.Add(() => c with { Reason = BadText() });
                break;
            case CloseAccount c:
                options.Add(() => c with { Account = BadAccount() });
                options.Add(() => c with { Account = ExistingAccount() });
                break;
            case IssueAllowances c:
                options.Add(() => c with { Quantity = BadQuantity() });
                options.Add(() => c with { To = BadAccount() });
                options.Add(() => c with { Authority = BadAccount() });
                options.Add(() => c with { Authority = ExistingAccount() });
                options.Add(() => c with { Instrument = AnyInstrument() });
                break;
            case IssueCredits c:
                options.Add(() => c with { Serials = BadRange() });
                options.Add(() => c with { Project = BadText() });
                options.Add(() => c with { To = BadAccount() });
                options.Add(() => c with { Authority = BadAccount() });
                options.Add(() => c with { Instrument = AnyInstrument() });
                break;
            case TransferUnits c:
                options.Add(() => c with { Quantity = BadQuantity() });
                options.Add(() => c with { From = BadAccount() });
                options.Add(() => c with { To = BadAccount() });
                options.Add(() => c with { To = c.From });
                options.Add(() => c with { Instrument = AnyInstrument() });
                options.Add(() =>
                {
                    (Co2e q, SerialRange? s) = BadSerials(c.From, c.Instrument);
                    return c with { Quantity = q, Serials = s };
                });
                break;
            case RetireUnits c:
                options.Add(() => c with { Quantity = BadQuantity() });
                options.Add(() => c with { Account = BadAccount() });
                options.Add(() => c with { Beneficiary = BadText() });
                options.Add(() => c with { Purpose = BadText() });
                options.Add(() => c with { PeriodEnd = c.PeriodStart.PlusDays(-1 - _rng.Next(0, 30)) });
                options.Add(() => c with { Instrument = AnyInstrument() });
                options.Add(() =>
                {
                    (Co2e q, SerialRange? s) = BadSerials(c.Account, c.Instrument);
                    return c with { Quantity = q, Serials = s };
                });
                break;
            case CancelUnits c:
                options.Add(() => c with { Quantity = BadQuantity() });
                options.Add(() => c with { Account = BadAccount() });
                options.Add(() => c with { Reason = BadText() });
                options.Add(() => c with { Instrument = AnyInstrument() });
                options.Add(() =>
                {
                    (Co2e q, SerialRange? s) = BadSerials(c.Account, c.Instrument);
                    return c with { Quantity = q, Serials = s };
                });
                break;
            case SurrenderUnits c:
                options.Add(() => c with { Quantity = BadQuantity() });
                options.Add(() => c with { Account = BadAccount() });
                options.Add(() => c with { Instrument = AnyInstrument() });
                options.Add(() =>
                {
                    (Co2e q, SerialRange? s) = BadSerials(c.Account, c.Instrument);
                    return c with { Quantity = q, Serials = s };
                });
                break;
            case FreezeUnits c:
                options.Add(() => c with { Quantity = BadQuantity() });
                options.Add(() => c with { Account = BadAccount() });
                options.Add(() => c with { Reason = BadText() });
                options.Add(() => c with { FreezeId = BadText() });
                options.Add(() => c with { FreezeId = "F-" + _rng.Next(1, _nextFreeze + 1) });
                options.Add(() => c with { Instrument = AnyInstrument() });
                options.Add(() =>
                {
                    (Co2e q, SerialRange? s) = BadSerials(c.Account, c.Instrument);
                    return c with { Quantity = q, Serials = s };
                });
                break;
            case ClawBackUnits c:
                options.Add(() => c with { Quantity = BadQuantity() });
                options.Add(() => c with { Account = BadAccount() });
                options.Add(() => c with { Authority = BadAccount() });
                options.Add(() => c with { Reason = BadText() });
                options.Add(() => c with { Instrument = AnyInstrument() });
                break;
            case ForceSurrenderUnits c:
                options.Add(() => c with { Quantity = BadQuantity() });
                options.Add(() => c with { Account = BadAccount() });
                options.Add(() => c with { FreezeId = BadText() });
                options.Add(() => c with { Instrument = AnyInstrument() });
                options.Add(() => c with { Actor = ActorId.Of("nobody") });
                break;
            case UnfreezeUnits c:
                options.Add(() => c with { Quantity = BadQuantity() });
                options.Add(() => c with { Account = BadAccount() });
                options.Add(() => c with { Reason = BadText() });
                options.Add(() => c with { FreezeId = BadText() });
                options.Add(() => c with { Instrument = AnyInstrument() });
                break;
        }

        return options[_rng.Next(options.Count)]();
    }

    private AccountId NewAccountId()
    {
        int openHolders = _state.AllAccounts().Count(a => !IsSink(a) && a.Status != AccountStatus.Closed);
        return openHolders < 9 && _rng.Next(100) < 50
            ? Acc("N-" + ++_freshAccounts)
            : Acc(s_accountPool[_rng.Next(s_accountPool.Length)]);
    }

    /// <summary>An account with available units of some instrument and its owner (usually), else anything.</summary>
    private (AccountId Account, ActorId Owner, InstrumentId Instrument) SourceHolding()
    {
        var holdings = _state.AllPositions()
            .Where(p => p.Position.Available.Grams > 0 && !IsSinkId(p.Account))
            .ToList();
        if (holdings.Count == 0 || _rng.Next(100) < 4)
        {
            AccountId account = ExistingAccount();
            return (account, OwnerOf(account), AnyInstrument());
        }

        PositionInfo p = holdings[_rng.Next(holdings.Count)];
        return (p.Account, OwnerOf(p.Account), p.Instrument);
    }

    /// <summary>A quantity near the available balance, or for credits often a named serial block.</summary>
    private (Co2e Quantity, SerialRange? Serials) Amount(AccountId account, InstrumentId instrument)
    {
        long available = _state.GetPosition(account, instrument).Available.Grams / Co2e.GramsPerTonne;
        if (instrument.IsSerialNumbered && _rng.Next(100) < 35)
        {
            var blocks = Blocks(
                h => h.Instrument == instrument && h.Account == account && h.Bucket == Bucket.Available);
            if (blocks.Count > 0)
            {
                SerialRange b = blocks[_rng.Next(blocks.Count)];
                long first = b.Start + LongBelow(b.Count);
                long last = _rng.Next(100) < 30 ? b.End : first + LongBelow(b.End - first + 1);
                return (Co2e.FromTonnes(last - first + 1), new SerialRange(first, last));
            }
        }

        if (available == 0)
        {
            return (Tonnes(1, 100), null);
        }

        long tonnes = _rng.Next(100) switch
        {
            < 15 => available,
            < 22 => available + 1 + _rng.Next(0, 10),
            _ => 1 + LongBelow(Math.Min(available, 1 + _rng.Next(1, 600))),
        };
        return (Co2e.FromTonnes(tonnes), null);
    }

    /// <summary>A named serial range that is invalid, mismatched, foreign, frozen, terminal or unissued.</summary>
    private (Co2e Quantity, SerialRange? Serials) BadSerials(AccountId account, InstrumentId instrument)
    {
        SerialRange range = _rng.Next(8) switch
        {
            0 => BadRange(),
            1 => Sub(Blocks(h => h.Instrument == instrument && IsSinkId(h.Account))),
            2 => Sub(Blocks(h => h.Instrument == instrument && h.Account == account && h.Bucket == Bucket.Frozen)),
            3 => Sub(Blocks(h => h.Instrument == instrument && h.Account != account)),
            4 => Straddle(Sub(Blocks(h => h.Instrument == instrument && h.Account == account))),
            5 => Anywhere(instrument),
            _ => Sub(Blocks(h => h.Instrument == instrument && h.Account == account && h.Bucket == Bucket.Available)),
        };
        bool mismatch = _rng.Next(100) < 10;
        long count = range.IsValid ? range.Count : 1 + _rng.Next(0, 10);
        return (Co2e.FromTonnes(count + (mismatch ? 1 : 0)), range);
    }

    private SerialRange Sub(List<SerialRange> blocks)
    {
        if (blocks.Count == 0)
        {
            return new SerialRange(1, 1 + _rng.Next(0, 5));
        }

        SerialRange b = blocks[_rng.Next(blocks.Count)];
        long first = b.Start + LongBelow(b.Count);
        return new SerialRange(first, first + LongBelow(b.End - first + 1));
    }

    /// <summary>The range extended past its end (into serials held elsewhere or unissued).</summary>
    private SerialRange Straddle(SerialRange r) => new(r.Start, r.End + 1 + _rng.Next(0, 5));

    /// <summary>A short range anywhere in the used part of the serial space.</summary>
    private SerialRange Anywhere(InstrumentId instrument)
    {
        long start = 1 + LongBelow(_serialCursor.GetValueOrDefault(instrument, 500) + 100);
        return new SerialRange(start, start + _rng.Next(0, 20));
    }

    private SerialRange BadRange() => _rng.Next(5) switch
    {
        0 => new SerialRange(0, 5),
        1 => new SerialRange(9, 3),
        2 => new SerialRange(SerialRange.MaxSerial, SerialRange.MaxSerial + 1),
        3 => new SerialRange(1, 1_000_000_001),
        _ => new SerialRange(-5, -1),
    };

    private List<SerialRange> Blocks(Func<SerialHolding, bool> where) =>
        _state.AllSerialHoldings().Where(where).Select(h => h.Serials).ToList();

    private Co2e BadQuantity() => _rng.Next(11) switch
    {
        0 => Co2e.Zero,
        1 => Co2e.FromTonnes(-1),
        2 => Co2e.FromGrams(-1),
        3 => Co2e.FromGrams(long.MinValue),
        4 => Co2e.FromGrams(1),
        5 => Co2e.FromGrams(1_500_000),
        6 => _limits.MaxQuantityPerCommand + Co2e.FromTonnes(1),
        7 => _limits.MaxQuantityPerCommand,
        8 => Co2e.FromGrams(long.MaxValue),
        9 => _limits.MaxQuantityPerCommand + Co2e.FromGrams(1),
        _ => Co2e.FromGrams(999_999),
    };

    private string BadText() => _rng.Next(5) switch
    {
        0 => "",
        1 => "   ",
        2 => "\t",
        3 => new string('x', _limits.MaxTextLength + 1),
        _ => new string('y', _limits.MaxTextLength),
    };

    private string Text() => "reason " + _rng.Next(100);

    private AccountId BadAccount() => _rng.Next(6) switch
    {
        0 => Acc(s_neverOpened[_rng.Next(s_neverOpened.Length)]),
        1 => Acc(new[] { "SYS-RETIRED", "SYS-CANCELLED", "SYS-SURRENDERED" }[_rng.Next(3)]),
        2 => Pick(_state.AllAccounts().Where(a => a.Status == AccountStatus.Closed).Select(a => a.Id).ToList(),
            ExistingAccount),
        3 => Pick(SuspendedAccounts(), ExistingAccount),
        4 => Acc("SYS-NEW"),
        _ => Acc(s_accountPool[_rng.Next(s_accountPool.Length)]),
    };

    /// <summary>Any account but the permanent authority; closed ones only now and then.</summary>
    private AccountId ExistingAccount()
    {
        bool closedToo = _rng.Next(100) < 15;
        return Pick(
            _state.AllAccounts()
                .Where(a => a.Id.Value != Permanent && (closedToo || a.Status != AccountStatus.Closed))
                .Select(a => a.Id).ToList(),
            () => Acc("GHOST"));
    }

    /// <summary>A holder account (not a sink, not an authority); closed ones only now and then.</summary>
    private AccountId ReceivingAccount()
    {
        bool closedToo = _rng.Next(100) < 10;
        return Pick(
            _state.AllAccounts()
                .Where(a => !IsSink(a) && a.Type != AccountType.Authority
                    && (closedToo || a.Status != AccountStatus.Closed))
                .Select(a => a.Id).ToList(),
            ExistingAccount);
    }

    private List<AccountId> SuspendedAccounts() =>
        _state.AllAccounts().Where(a => a.Status == AccountStatus.Suspended).Select(a => a.Id).ToList();

    private List<AccountId> EmptyAccounts()
    {
        var holding = _state.AllPositions().Select(p => p.Account).ToHashSet();
        return _state.AllAccounts()
            .Where(a => !IsSink(a) && a.Status != AccountStatus.Closed && a.Id.Value != Permanent
                && !holding.Contains(a.Id))
            .Select(a => a.Id).ToList();
    }

    private ActorId AuthorityActor()
    {
        var authorities = _state.AllAccounts()
            .Where(a => a.Type == AccountType.Authority && a.Status == AccountStatus.Open)
            .Select(a => a.Owner).ToList();
        return authorities.Count > 0 && _rng.Next(100) < 90
            ? authorities[_rng.Next(authorities.Count)]
            : Actor(RandomActor());
    }

    private (AccountId Account, ActorId Actor) AuthorityAccount()
    {
        var authorities = _state.AllAccounts().Where(a => a.Type == AccountType.Authority).ToList();
        if (authorities.Count == 0 || _rng.Next(100) < 5)
        {
            return (ExistingAccount(), Actor(RandomActor()));
        }

        AccountInfo a = authorities[_rng.Next(authorities.Count)];
        return (a.Id, a.Owner);
    }

    private ActorId OwnerOf(AccountId account) => _state.FindAccount(account) is { } a && _rng.Next(100) < 95
        ? a.Owner
        : Actor(RandomActor());

    private InstrumentId AnyInstrument() => _rng.Next(7) switch
    {
        < 3 => s_allowances[_rng.Next(s_allowances.Length)],
        < 6 => s_credits[_rng.Next(s_credits.Length)],
        _ => s_neverIssued,
    };

    private string RandomActor() => s_actors[_rng.Next(s_actors.Length)];

    private Co2e Tonnes(int min, int max) => Co2e.FromTonnes(_rng.Next(min, max + 1));

    /// <summary>A uniform long in [0, bound).</summary>
    private long LongBelow(long bound) => bound <= 1 ? 0 : _rng.NextInt64(bound);

    private T Pick<T>(List<T> items, Func<T> otherwise) =>
        items.Count > 0 ? items[_rng.Next(items.Count)] : otherwise();

    private IdempotencyKey Key() => IdempotencyKey.Of("g-" + ++_nextKey);

    private static bool IsSink(AccountInfo a) => a.Type.IsTerminalSink();

    private static bool IsSinkId(AccountId id) => id.Value.StartsWith("SYS-", StringComparison.Ordinal);

    private static AccountId Acc(string id) => AccountId.Of(id);

    private static ActorId Actor(string id) => ActorId.Of(id);

    private static InstrumentId Instr(string id) => InstrumentId.Parse(id);
}
