using CarbonLedger.Domain.Accounts;
using CarbonLedger.Domain.Credits;
using CarbonLedger.Domain.Identity;
using CarbonLedger.Domain.Instruments;
using CarbonLedger.Domain.Quantities;
using CarbonLedger.Domain.Exchange;
using CarbonLedger.Domain.Registry;
using CarbonLedger.Domain.Rules;
using NodaTime;

namespace CarbonLedger.Testing.Reference;

/// <summary>What the oracle concluded for one command: the outcome and, when newly accepted, the event
/// the real ledger is expected to produce.</summary>
public readonly record struct ReferenceResult(CommandOutcome Outcome, LedgerEvent? Event);

/// <summary>
/// A naive, deliberately slow test oracle for <see cref="Ledger"/>, written from
/// docs/reference/rejections.md and the command documentation only (never from the implementation).
/// State is plain dictionaries: grams per (account, instrument, bucket) and, for serial-numbered credits,
/// one owner entry <b>per serial</b>. Keep test data small (a few thousand serials per instrument).
/// The rules of each command are listed in precedence order in <c>ReferenceLedger.Rules.cs</c>.
/// </summary>
public sealed partial class ReferenceLedger
{
    /// <summary>The owner of the built-in sinks.</summary>
    public static readonly ActorId SystemActor = ActorId.Of("SYSTEM");

    private const long GramsPerTonne = 1_000_000;
    private const long MaxSerial = 999_999_999_999;
    private const long MaxSerialsPerRange = 1_000_000_000;

    private static readonly AccountId s_surrendered = AccountId.Of("SYS-SURRENDERED");
    private static readonly AccountId s_retired = AccountId.Of("SYS-RETIRED");
    private static readonly AccountId s_cancelled = AccountId.Of("SYS-CANCELLED");

    private readonly LedgerLimits _limits;
    private readonly RuleBook _rules;
    private readonly Dictionary<AccountId, AccountInfo> _accounts = [];
    private readonly Dictionary<(AccountId Account, InstrumentId Instrument, Bucket Bucket), long> _grams = [];
    private readonly Dictionary<InstrumentId, long> _issuedGrams = [];
    private readonly Dictionary<InstrumentId, SortedDictionary<long, Holder>> _serialOwners = [];
    private readonly Dictionary<string, FreezeInfo> _freezes = new(StringComparer.Ordinal);
    private readonly Dictionary<IdempotencyKey, (LedgerCommand Command, long Sequence)> _acceptedKeys = [];
    private bool _authorityEverOpened;

    /// <summary>Creates an empty registry with the three sinks, trading under <paramref name="rules"/>.</summary>
    public ReferenceLedger(LedgerLimits? limits = null, RuleBook? rules = null)
    {
        _limits = limits ?? LedgerLimits.Default;
        _rules = rules ?? DefaultRuleBook.Create();
        AddAccount(s_surrendered, AccountType.SurrenderedSink, SystemActor);
        AddAccount(s_retired, AccountType.RetiredSink, SystemActor);
        AddAccount(s_cancelled, AccountType.CancelledSink, SystemActor);
    }

    /// <summary>The sequence of the last accepted command (0 before any).</summary>
    public long Sequence { get; private set; }

    /// <summary>How many idempotency keys have been accepted.</summary>
    public int RememberedKeys => _acceptedKeys.Count;

    /// <summary>Runs a command (event time: the Unix epoch).</summary>
    public CommandOutcome Execute(LedgerCommand command) => Apply(command, Instant.FromUnixTimeSeconds(0)).Outcome;

    /// <summary>Runs a command at <paramref name="at"/> (exchange commands check sessions against it).</summary>
    public CommandOutcome Execute(LedgerCommand command, Instant at) => Apply(command, at).Outcome;

    /// <summary>Runs a command and returns the event the real ledger should produce at <paramref name="at"/>.</summary>
    public ReferenceResult Apply(LedgerCommand command, Instant at)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (_acceptedKeys.TryGetValue(command.Key, out var earlier))
        {
            // Commands are records: equality is "same type, same fields" (key and actor included).
            return earlier.Command.Equals(command)
                ? new ReferenceResult(new CommandOutcome(LedgerRejection.None, earlier.Sequence, true), null)
                : new ReferenceResult(CommandOutcome.Rejected(LedgerRejection.IdempotencyKeyConflict), null);
        }

        LedgerRejection rejection = command is ExchangeCommand exchange
            ? FirstBrokenExchangeRule(exchange, at)
            : FirstBrokenRule(command);
        if (rejection != LedgerRejection.None)
        {
            return new ReferenceResult(CommandOutcome.Rejected(rejection), null);
        }

        Sequence++;
        LedgerEvent evt = ApplyAccepted(command, at);
        _acceptedKeys.Add(command.Key, (command, Sequence));
        return new ReferenceResult(new CommandOutcome(LedgerRejection.None, Sequence, false), evt);
    }

    // ---------------------------------------------------------------- queries

    /// <summary>The account, if it exists or existed.</summary>
    public AccountInfo? FindAccount(AccountId id) => _accounts.TryGetValue(id, out AccountInfo a) ? a : null;

    /// <summary>Every account, sinks included, ordered by id.</summary>
    public IEnumerable<AccountInfo> AllAccounts() => _accounts.Values.OrderBy(a => a.Id).ToList();

    /// <summary>The buckets of one account × instrument.</summary>
    public Position GetPosition(AccountId account, InstrumentId instrument) => new(
        Co2e.FromGrams(Grams(account, instrument, Bucket.Available)),
        Co2e.FromGrams(Grams(account, instrument, Bucket.Locked)),
        Co2e.FromGrams(Grams(account, instrument, Bucket.Unsettled)),
        Co2e.FromGrams(Grams(account, instrument, Bucket.Frozen)),
        Co2e.FromGrams(Grams(account, instrument, Bucket.Pledged)));

    /// <summary>Every account × instrument with something in some bucket.</summary>
    public IEnumerable<PositionInfo> AllPositions() => _grams
        .Where(kv => kv.Value != 0)
        .Select(kv => (kv.Key.Account, kv.Key.Instrument))
        .Distinct()
        .OrderBy(k => k.Account).ThenBy(k => k.Instrument)
        .Select(k => new PositionInfo(k.Account, k.Instrument, GetPosition(k.Account, k.Instrument)))
        .ToList();

    /// <summary>Every instrument ever issued with its total issuance.</summary>
    public IEnumerable<InstrumentInfo> AllInstruments() => _issuedGrams
        .OrderBy(kv => kv.Key)
        .Select(kv => new InstrumentInfo(kv.Key, Co2e.FromGrams(kv.Value)))
        .ToList();

    /// <summary>Every freeze ever made (fully released ones with zero remaining), ordered by id.</summary>
    public IEnumerable<FreezeInfo> AllFreezes() =>
        _freezes.Values.OrderBy(f => f.FreezeId, StringComparer.Ordinal).ToList();

    /// <summary>Serial holdings: adjacent serials with the same instrument, account, bucket and freeze id
    /// form one block; ordered by instrument, then serial.</summary>
    public IEnumerable<SerialHolding> AllSerialHoldings()
    {
        var result = new List<SerialHolding>();
        foreach ((InstrumentId instrument, SortedDictionary<long, Holder> owners) in
            _serialOwners.OrderBy(kv => kv.Key))
        {
            SerialHolding? open = null;
            foreach ((long serial, Holder h) in owners)
            {
                if (open is { } o && o.Serials.End + 1 == serial && o.Account == h.Account && o.Bucket == h.Bucket
                    && o.FreezeId == h.FreezeId)
                {
                    open = o with { Serials = new SerialRange(o.Serials.Start, serial) };
                    continue;
                }

                if (open is { } done)
                {
                    result.Add(done);
                }

                open = new SerialHolding(instrument, new SerialRange(serial, serial), h.Account, h.Bucket, h.FreezeId);
            }

            if (open is { } last)
            {
                result.Add(last);
            }
        }

        return result;
    }

    // ---------------------------------------------------------------- effects of accepted commands

    private LedgerEvent ApplyAccepted(LedgerCommand command, Instant at)
    {
        if (command is ExchangeCommand exchange)
        {
            return ApplyExchange(exchange, at);
        }

        switch (command)
        {
            case OpenAccount c:
                AddAccount(c.Account, c.Type, c.Owner);
                _authorityEverOpened |= c.Type == AccountType.Authority;
                return new AccountOpened(at, c.Account, c.Type, c.Owner);
            case SuspendAccount c:
                SetStatus(c.Account, AccountStatus.Suspended);
                return new AccountSuspended(at, c.Account, c.Reason);
            case ReinstateAccount c:
                SetStatus(c.Account, AccountStatus.Open);
                return new AccountReinstated(at, c.Account, c.Reason);
            case CloseAccount c:
                SetStatus(c.Account, AccountStatus.Closed);
                return new AccountClosed(at, c.Account);
            case IssueAllowances c:
                AddGrams(c.To, c.Instrument, Bucket.Available, c.Quantity.Grams);
                _issuedGrams[c.Instrument] = _issuedGrams.GetValueOrDefault(c.Instrument) + c.Quantity.Grams;
                return new AllowancesIssued(at, c.Authority, c.To, c.Instrument, c.Quantity);
            case IssueCredits c:
                IssueSerials(c);
                return new CreditsIssued(at, c.Authority, c.To, c.Instrument, c.Serials, c.Project);
            case TransferUnits c:
                return new UnitsTransferred(at, c.From, c.To, c.Instrument, c.Quantity,
                    Move(c.Instrument, Free(c.From), Free(c.To), c.Quantity, c.Serials));
            case RetireUnits c:
                return new UnitsRetired(at, c.Account, c.Instrument, c.Quantity, c.Beneficiary, c.Purpose,
                    c.PeriodStart, c.PeriodEnd, RetirementCertificate.IdFor(Sequence),
                    Move(c.Instrument, Free(c.Account), Free(s_retired), c.Quantity, c.Serials), c.Event);
            case CancelUnits c:
                return new UnitsCancelled(at, c.Account, c.Instrument, c.Quantity, c.Reason,
                    Move(c.Instrument, Free(c.Account), Free(s_cancelled), c.Quantity, c.Serials));
            case SurrenderUnits c:
                return new UnitsSurrendered(at, c.Account, c.Instrument, c.Quantity, c.ComplianceYear,
                    Move(c.Instrument, Free(c.Account), Free(s_surrendered), c.Quantity, c.Serials));
            case ForceSurrenderUnits c when c.FreezeId is null:
                return new UnitsForceSurrendered(at, c.Account, c.Instrument, c.Quantity, c.ComplianceYear, null,
                    Move(c.Instrument, Free(c.Account), Free(s_surrendered), c.Quantity, null));
            case ForceSurrenderUnits c:
                FreezeInfo frozen = _freezes[c.FreezeId!];
                _freezes[c.FreezeId!] = frozen with { Remaining = frozen.Remaining - c.Quantity };
                return new UnitsForceSurrendered(at, c.Account, c.Instrument, c.Quantity, c.ComplianceYear, c.FreezeId,
                    Move(c.Instrument, new Holder(c.Account, Bucket.Frozen, c.FreezeId), Free(s_surrendered),
                        c.Quantity, null));
            case ClawBackUnits c:
                Move(c.Instrument, Free(c.Account), Free(c.Authority), c.Quantity, null);
                return new UnitsClawedBack(at, c.Account, c.Authority, c.Instrument, c.Quantity, c.Reason);
            case FreezeUnits c:
                _freezes.Add(c.FreezeId, new FreezeInfo(c.FreezeId, c.Account, c.Instrument, c.Quantity));
                return new UnitsFrozen(at, c.Account, c.Instrument, c.Quantity, c.FreezeId, c.Reason,
                    Move(c.Instrument, Free(c.Account), new Holder(c.Account, Bucket.Frozen, c.FreezeId),
                        c.Quantity, c.Serials));
            case UnfreezeUnits c:
                FreezeInfo freeze = _freezes[c.FreezeId];
                _freezes[c.FreezeId] = freeze with { Remaining = freeze.Remaining - c.Quantity };
                return new UnitsUnfrozen(at, c.Account, c.Instrument, c.Quantity, c.FreezeId, c.Reason,
                    Move(c.Instrument, new Holder(c.Account, Bucket.Frozen, c.FreezeId), Free(c.Account),
                        c.Quantity, null));
            default:
                throw new NotSupportedException($"oracle does not know {command.GetType().Name}");
        }
    }

    private static Holder Free(AccountId account) => new(account, Bucket.Available, null);

    private void AddAccount(AccountId id, AccountType type, ActorId owner)
    {
        _accounts.Add(id, new AccountInfo(id, type, owner, AccountStatus.Open));
        _traderIds.Add(id, _traderIds.Count + 1);
    }

    private void SetStatus(AccountId id, AccountStatus status) =>
        _accounts[id] = _accounts[id] with { Status = status };

    private long Grams(AccountId account, InstrumentId instrument, Bucket bucket) =>
        _grams.GetValueOrDefault((account, instrument, bucket));

    private void AddGrams(AccountId account, InstrumentId instrument, Bucket bucket, long grams)
    {
        long now = checked(Grams(account, instrument, bucket) + grams);
        Check(now >= 0, $"negative bucket {account}/{instrument}/{bucket}");
        _grams[(account, instrument, bucket)] = now;
    }

    private void IssueSerials(IssueCredits c)
    {
        SortedDictionary<long, Holder> owners = SerialOwners(c.Instrument);
        for (long s = c.Serials.Start; s <= c.Serials.End; s++)
        {
            owners.Add(s, Free(c.To));
        }

        long grams = checked(RangeCount(c.Serials) * GramsPerTonne);
        AddGrams(c.To, c.Instrument, Bucket.Available, grams);
        _issuedGrams[c.Instrument] = _issuedGrams.GetValueOrDefault(c.Instrument) + grams;
    }

    /// <summary>Moves <paramref name="quantity"/> from one holder to another. For credits, the named
    /// serials or else the lowest serials the source holds; returns the moved serials coalesced.</summary>
    private List<SerialRange> Move(InstrumentId instrument, Holder from, Holder to, Co2e quantity, SerialRange? named)
    {
        AddGrams(from.Account, instrument, from.Bucket, -quantity.Grams);
        AddGrams(to.Account, instrument, to.Bucket, quantity.Grams);
        if (!IsSerialNumbered(instrument))
        {
            return [];
        }

        SortedDictionary<long, Holder> owners = SerialOwners(instrument);
        long tonnes = quantity.Grams / GramsPerTonne;
        List<long> chosen = named is { } r
            ? Serials(r).ToList()
            : owners.Where(kv => kv.Value == from).Select(kv => kv.Key).Take(checked((int)tonnes)).ToList();
        Check(chosen.Count == tonnes, "oracle chose the wrong number of serials");
        foreach (long s in chosen)
        {
            Check(owners[s] == from, $"oracle moves serial {s} not held by {from}");
            owners[s] = to;
        }

        return Coalesce(chosen);
    }

    private static List<SerialRange> Coalesce(List<long> ascendingSerials)
    {
        var ranges = new List<SerialRange>();
        foreach (long s in ascendingSerials)
        {
            if (ranges.Count > 0 && ranges[^1].End + 1 == s)
            {
                ranges[^1] = ranges[^1] with { End = s };
            }
            else
            {
                ranges.Add(new SerialRange(s, s));
            }
        }

        return ranges;
    }

    private SortedDictionary<long, Holder> SerialOwners(InstrumentId instrument)
    {
        if (!_serialOwners.TryGetValue(instrument, out SortedDictionary<long, Holder>? owners))
        {
            owners = [];
            _serialOwners.Add(instrument, owners);
        }

        return owners;
    }

    /// <summary>The holders of the issued serials inside <paramref name="range"/> (unissued ones are absent).</summary>
    private List<Holder> HoldersIn(InstrumentId instrument, SerialRange range)
    {
        SortedDictionary<long, Holder> owners = SerialOwners(instrument);
        return RangeCount(range) <= owners.Count
            ? Serials(range).Where(owners.ContainsKey).Select(s => owners[s]).ToList()
            : owners.Where(kv => kv.Key >= range.Start && kv.Key <= range.End).Select(kv => kv.Value).ToList();
    }

    private static IEnumerable<long> Serials(SerialRange range)
    {
        for (long s = range.Start; s <= range.End; s++)
        {
            yield return s;
        }
    }

    private static long RangeCount(SerialRange range) => range.End - range.Start + 1;

    private static bool IsSerialNumbered(InstrumentId instrument) =>
        instrument.Programme is Programme.Ccer or Programme.Shcer;

    private static void Check(bool condition, string message)
    {
        if (!condition)
        {
            throw new InvalidOperationException("ReferenceLedger self-check failed: " + message);
        }
    }

    /// <summary>Where a serial sits: account, bucket, and the freeze id when frozen.</summary>
    private readonly record struct Holder(AccountId Account, Bucket Bucket, string? FreezeId);
}
