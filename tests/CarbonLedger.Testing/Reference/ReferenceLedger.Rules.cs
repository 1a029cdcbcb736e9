using CarbonLedger.Domain.Accounts;
using CarbonLedger.Domain.Credits;
using CarbonLedger.Domain.Identity;
using CarbonLedger.Domain.Instruments;
using CarbonLedger.Domain.Quantities;
using CarbonLedger.Domain.Registry;
using static CarbonLedger.Domain.Registry.LedgerRejection;

namespace CarbonLedger.Testing.Reference;

/// <summary>
/// The rules of docs/reference/rejections.md, one list per command, written in the table's order. Each rule
/// is a code and a "broken?" predicate; the first broken rule wins. Predicates run lazily and in order, so
/// a later predicate may assume that every earlier rule held (e.g. that the account exists).
/// </summary>
public sealed partial class ReferenceLedger
{
    private LedgerRejection FirstBrokenRule(LedgerCommand command) => command switch
    {
        OpenAccount c => FirstBroken(
            Rule(AccountTypeNotOpenable, () => !Enum.IsDefined(c.Type) || IsSinkType(c.Type)),
            Rule(AccountIdReserved, () => c.Account.Value.StartsWith("SYS-", StringComparison.OrdinalIgnoreCase)),
            Rule(AccountAlreadyExists, () => _accounts.ContainsKey(c.Account)),
            Rule(TradingAccountAlreadyOpen, () => c.Type == AccountType.Trading && _accounts.Values.Any(
                a => a.Type == AccountType.Trading && a.Owner == c.Owner && a.Status != AccountStatus.Closed)),
            Rule(ExchangeAccountAlreadyOpen, () => c.Type is AccountType.ExchangeClearing or AccountType.Fee
                && _accounts.Values.Any(a => a.Type == c.Type && a.Status != AccountStatus.Closed)),
            Rule(ActorNotAuthority, () => !IsGenesis(c) && !IsAuthority(c.Actor))),
        SuspendAccount c => FirstBroken(
            [.. AccountAdministration(c.Actor, c.Account, c.Reason),
                Rule(AccountIsSuspended, () => Account(c.Account).Status == AccountStatus.Suspended)]),
        ReinstateAccount c => FirstBroken(
            [.. AccountAdministration(c.Actor, c.Account, c.Reason),
                Rule(AccountNotSuspended, () => Account(c.Account).Status != AccountStatus.Suspended)]),
        CloseAccount c => FirstBroken(
            [.. AccountAdministration(c.Actor, c.Account, reason: null),
                Rule(AccountNotEmpty, () => _grams.Any(kv => kv.Key.Account == c.Account && kv.Value != 0)
                    || CashTotal(c.Account) != 0)]),
        IssueAllowances c => FirstBroken(
            [.. QuantityRules(c.Quantity),
                Rule(InstrumentRequiresSerials, () => IsSerialNumbered(c.Instrument)),
                .. IssuerRules(c.Actor, c.Authority, c.To),
                Rule(SupplyLimitExceeded, () => ExceedsSupply(c.Instrument, c.Quantity.Grams))]),
        IssueCredits c => FirstBroken(
            [Rule(SerialRangeInvalid, () => !IsValidRange(c.Serials)),
                Rule(ProjectRequired, () => string.IsNullOrWhiteSpace(c.Project)),
                Rule(TextTooLong, () => TooLong(c.Project)),
                Rule(InstrumentNotSerialNumbered, () => !IsSerialNumbered(c.Instrument)),
                .. IssuerRules(c.Actor, c.Authority, c.To),
                Rule(SerialsAlreadyIssued, () => HoldersIn(c.Instrument, c.Serials).Count > 0),
                Rule(SupplyLimitExceeded, () => ExceedsSupply(c.Instrument, RangeCount(c.Serials) * GramsPerTonne))]),
        TransferUnits c => FirstBroken(
            [.. QuantityRules(c.Quantity), .. NamedSerialRules(c.Quantity, c.Serials),
                Rule(AccountsMustBeDifferent, () => c.From == c.To),
                Rule(SerialsNotApplicable, () => c.Serials is not null && !IsSerialNumbered(c.Instrument)),
                Rule(AccountUnknown, () => !_accounts.ContainsKey(c.From)),
                Rule(ToAccountUnknown, () => !_accounts.ContainsKey(c.To)),
                Rule(AccountIsTerminalSink, () => IsSinkType(Account(c.From).Type)),
                Rule(ToAccountIsTerminalSink, () => IsSinkType(Account(c.To).Type)),
                Rule(ActorNotAccountHolder, () => Account(c.From).Owner != c.Actor),
                Rule(AccountIsClosed, () => Account(c.From).Status == AccountStatus.Closed),
                Rule(ToAccountIsClosed, () => Account(c.To).Status == AccountStatus.Closed),
                Rule(AccountIsSuspended, () => Account(c.From).Status == AccountStatus.Suspended),
                Rule(ToAccountIsSuspended, () => Account(c.To).Status == AccountStatus.Suspended),
                Rule(InstrumentUnknown, () => !_issuedGrams.ContainsKey(c.Instrument)),
                .. HoldingRules(c.From, c.Instrument, c.Quantity, c.Serials)]),
        RetireUnits c => FirstBroken(
            [.. QuantityRules(c.Quantity), .. NamedSerialRules(c.Quantity, c.Serials),
                Rule(BeneficiaryRequired, () => string.IsNullOrWhiteSpace(c.Beneficiary)),
                Rule(PurposeRequired, () => string.IsNullOrWhiteSpace(c.Purpose)),
                Rule(TextTooLong, () => TooLong(c.Beneficiary) || TooLong(c.Purpose)
                    || (c.Event is not null && TooLong(c.Event))),
                Rule(RetirementPeriodInvalid, () => c.PeriodEnd < c.PeriodStart),
                .. HolderMovementRules(c.Actor, c.Account, c.Instrument, c.Quantity, c.Serials)]),
        CancelUnits c => FirstBroken(
            [.. QuantityRules(c.Quantity), .. NamedSerialRules(c.Quantity, c.Serials),
                Rule(ReasonRequired, () => string.IsNullOrWhiteSpace(c.Reason)),
                Rule(TextTooLong, () => TooLong(c.Reason)),
                .. HolderMovementRules(c.Actor, c.Account, c.Instrument, c.Quantity, c.Serials)]),
        SurrenderUnits c => FirstBroken(
            [.. QuantityRules(c.Quantity), .. NamedSerialRules(c.Quantity, c.Serials),
                .. HolderMovementRules(c.Actor, c.Account, c.Instrument, c.Quantity, c.Serials)]),
        ForceSurrenderUnits c => FirstBroken(
            [.. QuantityRules(c.Quantity),
                Rule(FreezeIdRequired, () => c.FreezeId is not null && string.IsNullOrWhiteSpace(c.FreezeId)),
                Rule(TextTooLong, () => c.FreezeId is not null && TooLong(c.FreezeId)),
                .. AuthorityOverUnitsRules(c.Actor, c.Account),
                Rule(InstrumentUnknown, () => !_issuedGrams.ContainsKey(c.Instrument)),
                .. (c.FreezeId is null
                    ? HoldingRules(c.Account, c.Instrument, c.Quantity, null)
                    : [
                        Rule(FreezeUnknown, () => !_freezes.TryGetValue(c.FreezeId, out FreezeInfo f)
                            || f.Account != c.Account || f.Instrument != c.Instrument),
                        Rule(UnfreezeExceedsFrozen, () => c.Quantity > _freezes[c.FreezeId].Remaining),
                    ])]),
        ClawBackUnits c => FirstBroken(
            [.. QuantityRules(c.Quantity),
                Rule(ReasonRequired, () => string.IsNullOrWhiteSpace(c.Reason)),
                Rule(TextTooLong, () => TooLong(c.Reason)),
                Rule(InstrumentRequiresSerials, () => IsSerialNumbered(c.Instrument)),
                Rule(AccountUnknown, () => !_accounts.ContainsKey(c.Account)),
                Rule(AuthorityAccountUnknown, () => !_accounts.TryGetValue(c.Authority, out AccountInfo a)
                    || a.Type != AccountType.Authority),
                Rule(AccountIsTerminalSink, () => IsSinkType(Account(c.Account).Type)),
                Rule(ActorNotAuthority, () => !IsAuthority(c.Actor)),
                Rule(AccountIsClosed, () => Account(c.Account).Status == AccountStatus.Closed),
                Rule(InstrumentUnknown, () => !_issuedGrams.ContainsKey(c.Instrument)),
                .. HoldingRules(c.Account, c.Instrument, c.Quantity, null)]),
        FreezeUnits c => FirstBroken(
            [.. QuantityRules(c.Quantity), .. NamedSerialRules(c.Quantity, c.Serials),
                Rule(ReasonRequired, () => string.IsNullOrWhiteSpace(c.Reason)),
                Rule(FreezeIdRequired, () => string.IsNullOrWhiteSpace(c.FreezeId)),
                Rule(TextTooLong, () => TooLong(c.Reason) || TooLong(c.FreezeId)),
                Rule(SerialsNotApplicable, () => c.Serials is not null && !IsSerialNumbered(c.Instrument)),
                .. AuthorityOverUnitsRules(c.Actor, c.Account),
                Rule(InstrumentUnknown, () => !_issuedGrams.ContainsKey(c.Instrument)),
                .. HoldingRules(c.Account, c.Instrument, c.Quantity, c.Serials),
                Rule(FreezeIdAlreadyUsed, () => _freezes.ContainsKey(c.FreezeId))]),
        UnfreezeUnits c => FirstBroken(
            [.. QuantityRules(c.Quantity),
                Rule(ReasonRequired, () => string.IsNullOrWhiteSpace(c.Reason)),
                Rule(FreezeIdRequired, () => string.IsNullOrWhiteSpace(c.FreezeId)),
                Rule(TextTooLong, () => TooLong(c.Reason) || TooLong(c.FreezeId)),
                .. AuthorityOverUnitsRules(c.Actor, c.Account),
                Rule(InstrumentUnknown, () => !_issuedGrams.ContainsKey(c.Instrument)),
                Rule(FreezeUnknown, () => !_freezes.TryGetValue(c.FreezeId, out FreezeInfo f)
                    || f.Account != c.Account || f.Instrument != c.Instrument),
                Rule(UnfreezeExceedsFrozen, () => c.Quantity > _freezes[c.FreezeId].Remaining)]),
        _ => throw new NotSupportedException($"oracle does not know {command.GetType().Name}"),
    };

    /// <summary>201–203: quantity &gt; 0, whole tonnes, within the per-command limit.</summary>
    private RuleDef[] QuantityRules(Co2e quantity) =>
    [
        Rule(QuantityMustBePositive, () => quantity.Grams <= 0),
        Rule(QuantityMustBeWholeTonnes, () => quantity.Grams % GramsPerTonne != 0),
        Rule(QuantityExceedsLimit, () => quantity > _limits.MaxQuantityPerCommand),
    ];

    /// <summary>204–205 for movements that name serials.</summary>
    private static RuleDef[] NamedSerialRules(Co2e quantity, SerialRange? serials) =>
    [
        Rule(SerialRangeInvalid, () => serials is { } r && !IsValidRange(r)),
        Rule(SerialRangeQuantityMismatch, () => serials is { } r && RangeCount(r) * GramsPerTonne != quantity.Grams),
    ];

    /// <summary>Suspend, reinstate, close: (206, 211), 402, 501, 601, 701.</summary>
    private RuleDef[] AccountAdministration(ActorId actor, AccountId account, string? reason) =>
    [
        Rule(ReasonRequired, () => reason is not null && string.IsNullOrWhiteSpace(reason)),
        Rule(TextTooLong, () => reason is not null && TooLong(reason)),
        Rule(AccountUnknown, () => !_accounts.ContainsKey(account)),
        Rule(AccountIsTerminalSink, () => IsSinkType(Account(account).Type)),
        Rule(ActorNotAuthority, () => !IsAuthority(actor)),
        Rule(AccountIsClosed, () => Account(account).Status == AccountStatus.Closed),
    ];

    /// <summary>Issue: 403, 404, 501, 502, 601 (the named authority account), 701–704.</summary>
    private RuleDef[] IssuerRules(ActorId actor, AccountId authority, AccountId to) =>
    [
        Rule(ToAccountUnknown, () => !_accounts.ContainsKey(to)),
        Rule(AuthorityAccountUnknown, () => !_accounts.ContainsKey(authority)),
        Rule(AccountIsTerminalSink, () => IsSinkType(Account(authority).Type)),
        Rule(ToAccountIsTerminalSink, () => IsSinkType(Account(to).Type)),
        Rule(ActorNotAuthority, () => Account(authority).Type != AccountType.Authority
            || Account(authority).Owner != actor),
        Rule(AccountIsClosed, () => Account(authority).Status == AccountStatus.Closed),
        Rule(ToAccountIsClosed, () => Account(to).Status == AccountStatus.Closed),
        Rule(AccountIsSuspended, () => Account(authority).Status == AccountStatus.Suspended),
        Rule(ToAccountIsSuspended, () => Account(to).Status == AccountStatus.Suspended),
    ];

    /// <summary>Retire, cancel, surrender after their text rules: 303, 402, 501, 602, 701, 703, 801, 901–903.</summary>
    private RuleDef[] HolderMovementRules(
        ActorId actor, AccountId account, InstrumentId instrument, Co2e quantity, SerialRange? serials) =>
    [
        Rule(SerialsNotApplicable, () => serials is not null && !IsSerialNumbered(instrument)),
        Rule(AccountUnknown, () => !_accounts.ContainsKey(account)),
        Rule(AccountIsTerminalSink, () => IsSinkType(Account(account).Type)),
        Rule(ActorNotAccountHolder, () => Account(account).Owner != actor),
        Rule(AccountIsClosed, () => Account(account).Status == AccountStatus.Closed),
        Rule(AccountIsSuspended, () => Account(account).Status == AccountStatus.Suspended),
        Rule(InstrumentUnknown, () => !_issuedGrams.ContainsKey(instrument)),
        .. HoldingRules(account, instrument, quantity, serials),
    ];

    /// <summary>Freeze and unfreeze: 402, 501, 601, 701 (suspension is ignored).</summary>
    private RuleDef[] AuthorityOverUnitsRules(ActorId actor, AccountId account) =>
    [
        Rule(AccountUnknown, () => !_accounts.ContainsKey(account)),
        Rule(AccountIsTerminalSink, () => IsSinkType(Account(account).Type)),
        Rule(ActorNotAuthority, () => !IsAuthority(actor)),
        Rule(AccountIsClosed, () => Account(account).Status == AccountStatus.Closed),
    ];

    /// <summary>901–903 against the source's available bucket (named serials, or else the quantity).</summary>
    private RuleDef[] HoldingRules(AccountId account, InstrumentId instrument, Co2e quantity, SerialRange? serials) =>
    [
        Rule(SerialsTerminal, () => serials is { } r
            && HoldersIn(instrument, r).Any(h => IsSinkType(Account(h.Account).Type))),
        Rule(SerialsNotOwned, () => serials is { } r
            && HoldersIn(instrument, r).Count(h => h == Free(account)) != RangeCount(r)),
        Rule(InsufficientAvailable, () => serials is null
            && Grams(account, instrument, Bucket.Available) < quantity.Grams),
    ];

    private static RuleDef Rule(LedgerRejection code, Func<bool> broken) => new(code, broken);

    private static LedgerRejection FirstBroken(params RuleDef[] rules)
    {
        for (int i = 1; i < rules.Length; i++)
        {
            Check(rules[i - 1].Code < rules[i].Code,
                $"rules listed out of precedence order: {rules[i - 1].Code} before {rules[i].Code}");
        }

        foreach (RuleDef rule in rules)
        {
            if (rule.Broken())
            {
                return rule.Code;
            }
        }

        return None;
    }

    private AccountInfo Account(AccountId id) => _accounts[id];

    private bool IsGenesis(OpenAccount c) => c.Type == AccountType.Authority && !_authorityEverOpened;

    /// <summary>An authority is an actor who owns at least one open Authority account.</summary>
    private bool IsAuthority(ActorId actor) => _accounts.Values.Any(
        a => a.Type == AccountType.Authority && a.Owner == actor && a.Status == AccountStatus.Open);

    private static bool IsSinkType(AccountType type) =>
        type is AccountType.SurrenderedSink or AccountType.RetiredSink or AccountType.CancelledSink;

    private bool TooLong(string text) => text.Length > _limits.MaxTextLength;

    private bool ExceedsSupply(InstrumentId instrument, long addedGrams) =>
        _issuedGrams.GetValueOrDefault(instrument) + addedGrams > _limits.MaxSupplyPerInstrument.Grams;

    private static bool IsValidRange(SerialRange r) =>
        r.Start >= 1 && r.End >= r.Start && r.End <= MaxSerial && RangeCount(r) <= MaxSerialsPerRange;

    private readonly record struct RuleDef(LedgerRejection Code, Func<bool> Broken);
}
