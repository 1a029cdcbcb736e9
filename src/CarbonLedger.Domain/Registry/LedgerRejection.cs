namespace CarbonLedger.Domain.Registry;

/// <summary>
/// Why the ledger refused a command: a business rule, never a programmer error. Members are declared in
/// <b>check-precedence order</b>: a command checks the rules that apply to it in exactly this order and
/// reports the first that fails, so the same bad command always gets the same code. Numbers are stable
/// (stored, documented in docs/reference/rejections.md) and grouped by hundreds: 1xx envelope, 2xx field
/// values, 3xx kinds, 4xx existence, 5xx terminal sinks, 6xx authority, 7xx account state, 8xx
/// instrument state, 9xx holdings, 10xx freezes.
/// </summary>
public enum LedgerRejection
{
    /// <summary>Not rejected.</summary>
    None = 0,

    /// <summary>The idempotency key was already used by a different command.</summary>
    IdempotencyKeyConflict = 101,

    /// <summary>The quantity is zero or negative.</summary>
    QuantityMustBePositive = 201,

    /// <summary>Registry units are whole tonnes; the quantity has a fraction of a tonne.</summary>
    QuantityMustBeWholeTonnes = 202,

    /// <summary>
    /// The quantity exceeds the per-command limit (<see cref="LedgerLimits.MaxQuantityPerCommand"/>).
    /// </summary>
    QuantityExceedsLimit = 203,

    /// <summary>The serial range is empty, reversed, starts below 1, ends above the maximum or is too long.</summary>
    SerialRangeInvalid = 204,

    /// <summary>A serial range was named but its count differs from the quantity.</summary>
    SerialRangeQuantityMismatch = 205,

    /// <summary>A reason is required (freeze, unfreeze, suspend, reinstate, cancel).</summary>
    ReasonRequired = 206,

    /// <summary>A retirement must name its beneficiary.</summary>
    BeneficiaryRequired = 207,

    /// <summary>A retirement must state its purpose.</summary>
    PurposeRequired = 208,

    /// <summary>A freeze or unfreeze must carry the freeze id (the order's reference).</summary>
    FreezeIdRequired = 209,

    /// <summary>Credit issuance must name the project the credits come from.</summary>
    ProjectRequired = 210,

    /// <summary>A free-text field is longer than <see cref="LedgerLimits.MaxTextLength"/>.</summary>
    TextTooLong = 211,

    /// <summary>The retirement period ends before it starts.</summary>
    RetirementPeriodInvalid = 212,

    /// <summary>A transfer names the same account as source and destination.</summary>
    AccountsMustBeDifferent = 213,

    /// <summary>Terminal sinks are built in and cannot be opened.</summary>
    AccountTypeNotOpenable = 301,

    /// <summary>The account id uses the reserved system prefix <c>SYS-</c>.</summary>
    AccountIdReserved = 302,

    /// <summary>A serial range was named for a fungible instrument (CEA, SHEA).</summary>
    SerialsNotApplicable = 303,

    /// <summary>Serial-numbered instruments (CCER, SHCER) are issued with <see cref="IssueCredits"/>.</summary>
    InstrumentRequiresSerials = 304,

    /// <summary>Fungible instruments (CEA, SHEA) are issued with <see cref="IssueAllowances"/>.</summary>
    InstrumentNotSerialNumbered = 305,

    /// <summary>An account with this id exists or existed (ids are never reused).</summary>
    AccountAlreadyExists = 401,

    /// <summary>The command's subject (or source) account does not exist.</summary>
    AccountUnknown = 402,

    /// <summary>The destination account does not exist.</summary>
    ToAccountUnknown = 403,

    /// <summary>The issuing authority account does not exist.</summary>
    AuthorityAccountUnknown = 404,

    /// <summary>The subject or source is a terminal sink: units there never move again.</summary>
    AccountIsTerminalSink = 501,

    /// <summary>The destination is a terminal sink: use surrender, retire or cancel instead of a transfer.</summary>
    ToAccountIsTerminalSink = 502,

    /// <summary>The actor does not hold an open authority account (or the named account is not one).</summary>
    ActorNotAuthority = 601,

    /// <summary>The actor is not the holder of the source account.</summary>
    ActorNotAccountHolder = 602,

    /// <summary>The subject, source or authority account is closed.</summary>
    AccountIsClosed = 701,

    /// <summary>The destination account is closed.</summary>
    ToAccountIsClosed = 702,

    /// <summary>The subject, source or authority account is suspended.</summary>
    AccountIsSuspended = 703,

    /// <summary>The destination account is suspended.</summary>
    ToAccountIsSuspended = 704,

    /// <summary>Only a suspended account can be reinstated.</summary>
    AccountNotSuspended = 705,

    /// <summary>Only an account with nothing in any bucket can be closed.</summary>
    AccountNotEmpty = 706,

    /// <summary>No unit of this instrument has ever been issued.</summary>
    InstrumentUnknown = 801,

    /// <summary>Some serial in the range was already issued.</summary>
    SerialsAlreadyIssued = 802,

    /// <summary>Issuance would take the instrument beyond <see cref="LedgerLimits.MaxSupplyPerInstrument"/>.</summary>
    SupplyLimitExceeded = 803,

    /// <summary>Some serial in the range is already surrendered, retired or cancelled (terminal).</summary>
    SerialsTerminal = 901,

    /// <summary>Some serial in the range is not in the account's available bucket.</summary>
    SerialsNotOwned = 902,

    /// <summary>The account's available bucket holds less than the quantity (frozen, pledged, locked and
    /// unsettled units do not count).</summary>
    InsufficientAvailable = 903,

    /// <summary>A freeze with this id already exists.</summary>
    FreezeIdAlreadyUsed = 1001,

    /// <summary>No freeze with this id exists on this account and instrument.</summary>
    FreezeUnknown = 1002,

    /// <summary>The unfreeze quantity exceeds what remains frozen under this freeze id.</summary>
    UnfreezeExceedsFrozen = 1003,
}
