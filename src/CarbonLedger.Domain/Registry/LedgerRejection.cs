namespace CarbonLedger.Domain.Registry;

/// <summary>
/// Why the ledger refused a command: a business rule, never a programmer error. Members are declared in
/// <b>check-precedence order</b>: a command checks the rules that apply to it in exactly this order and
/// reports the first that fails, so the same bad command always gets the same code. Numbers are stable
/// (stored, documented in docs/reference/rejections.md) and grouped by hundreds: 1xx envelope, 2xx field
/// values, 3xx kinds, 4xx existence, 5xx terminal sinks, 6xx authority, 7xx account state, 8xx
/// instrument, market and order state (85x: the matching core's order rules, 850 + the book's code; 88x
/// auctions), 9xx holdings and cash, 10xx freezes.
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

    /// <summary>A cash amount is zero or negative.</summary>
    AmountMustBePositive = 214,

    /// <summary>A cash amount exceeds <see cref="LedgerLimits.MaxCashPerCommand"/>.</summary>
    AmountExceedsLimit = 215,

    /// <summary>A deposit or withdrawal must carry the settlement bank's reference.</summary>
    BankReferenceRequired = 216,

    /// <summary>An auction window is empty (end not after start) or already over when announced.</summary>
    AuctionWindowInvalid = 217,

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

    /// <summary>The owner already holds a trading account that is not closed (one per entity).</summary>
    TradingAccountAlreadyOpen = 405,

    /// <summary>An exchange clearing (or fee) account that is not closed already exists (one exchange per
    /// ledger).</summary>
    ExchangeAccountAlreadyOpen = 406,

    /// <summary>The named settlement bank account does not exist.</summary>
    BankAccountUnknown = 407,

    /// <summary>The named block counterparty account does not exist.</summary>
    CounterpartyUnknown = 410,

    /// <summary>No live listed order with this id (never placed, filled, cancelled or expired).</summary>
    OrderUnknown = 411,

    /// <summary>No open block declaration with this id (never posted, confirmed, withdrawn or expired).</summary>
    BlockOrderUnknown = 412,

    /// <summary>No open auction with this id (never announced, or already closed).</summary>
    AuctionUnknown = 413,

    /// <summary>The account is not a trading account (only trading accounts hold cash and trade).</summary>
    AccountNotTrading = 420,

    /// <summary>The named block counterparty is not a trading account.</summary>
    CounterpartyNotTrading = 421,

    /// <summary>The named bank account is not a settlement-bank account.</summary>
    NotASettlementBank = 422,

    /// <summary>The subject or source is a terminal sink: units there never move again.</summary>
    AccountIsTerminalSink = 501,

    /// <summary>The destination is a terminal sink: use surrender, retire or cancel instead of a transfer.</summary>
    ToAccountIsTerminalSink = 502,

    /// <summary>The actor does not hold an open authority account (or the named account is not one).</summary>
    ActorNotAuthority = 601,

    /// <summary>The actor is not the holder of the source account.</summary>
    ActorNotAccountHolder = 602,

    /// <summary>The actor does not hold the open exchange clearing account (it does not operate the
    /// exchange).</summary>
    ActorNotExchangeOperator = 603,

    /// <summary>The actor does not hold the named settlement-bank account.</summary>
    ActorNotBank = 604,

    /// <summary>The order or block declaration belongs to another account.</summary>
    NotOrderOwner = 605,

    /// <summary>The block proposal names another counterparty.</summary>
    NotNamedCounterparty = 606,

    /// <summary>An account cannot trade with itself (its own block declaration or auction).</summary>
    CannotTradeWithSelf = 607,

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

    /// <summary>No open exchange clearing account or no open exchange fee account: the exchange is not set
    /// up.</summary>
    ExchangeNotConfigured = 804,

    /// <summary>The instrument is not listed on the exchange.</summary>
    InstrumentNotListed = 805,

    /// <summary>The instrument is listed already.</summary>
    InstrumentAlreadyListed = 806,

    /// <summary>A reference price must be positive.</summary>
    ReferencePriceInvalid = 807,

    /// <summary>The date is not a trading day of the calendar (a weekend or a holiday).</summary>
    NotATradingDay = 808,

    /// <summary>A trading day must come after the last one opened.</summary>
    TradingDayNotAfterLast = 809,

    /// <summary>A trading day is open; close it first.</summary>
    TradingDayAlreadyOpen = 810,

    /// <summary>No trading day is open, the command names another day than the open one, or the instrument was
    /// listed during the open day (it trades from the next day).</summary>
    TradingDayNotOpen = 811,

    /// <summary>The command's time is not on the trading day it opens.</summary>
    TradingDayNotToday = 812,

    /// <summary>No market rules are in force for the instrument on that date.</summary>
    NoMarketRules = 813,

    /// <summary>The day's band would span more price levels than a book supports (a reference price far too
    /// high).</summary>
    PriceBandTooWide = 814,

    /// <summary>The time is outside the mode's session windows of the trading day.</summary>
    OrderOutsideSession = 852,

    /// <summary>A market order must be IOC or FOK.</summary>
    MarketOrderNotImmediate = 857,

    /// <summary>The order quantity is zero or negative.</summary>
    OrderQuantityNotPositive = 858,

    /// <summary>The order quantity is not a whole number of lots.</summary>
    OrderQuantityNotLotMultiple = 859,

    /// <summary>The order quantity is below the mode's minimum (block: 100,000 t).</summary>
    OrderQuantityBelowMinimum = 860,

    /// <summary>The order quantity is above the mode's maximum (listed: below 100,000 t).</summary>
    OrderQuantityAboveMaximum = 861,

    /// <summary>The price is zero or negative.</summary>
    OrderPriceNotPositive = 862,

    /// <summary>The price is not on the tick.</summary>
    OrderPriceOffTick = 863,

    /// <summary>The price is outside the day's band for the mode.</summary>
    OrderPriceOutsideBand = 864,

    /// <summary>The picked listing is not resting.</summary>
    PickListingNotResting = 865,

    /// <summary>The picked listing is on the picker's own side.</summary>
    PickSideMismatch = 866,

    /// <summary>The picked listing is not within the best five opposite levels.</summary>
    PickNotInBestLevels = 867,

    /// <summary>The declared quantity exceeds the picked listing's open quantity.</summary>
    PickQuantityExceedsListing = 868,

    /// <summary>The picked listing is the picker's own.</summary>
    PickOwnListing = 869,

    /// <summary>A bid outside the auction's window.</summary>
    BidOutsideWindow = 881,

    /// <summary>A bid below the auction's floor price.</summary>
    BidBelowFloor = 882,

    /// <summary>A bid for more than the auction offers.</summary>
    BidExceedsAuctionQuantity = 883,

    /// <summary>The auction's window has not ended yet.</summary>
    AuctionWindowNotEnded = 885,

    /// <summary>Some serial in the range is already surrendered, retired or cancelled (terminal).</summary>
    SerialsTerminal = 901,

    /// <summary>Some serial in the range is not in the account's available bucket.</summary>
    SerialsNotOwned = 902,

    /// <summary>The account's available bucket holds less than the quantity (frozen, pledged, locked and
    /// unsettled units do not count).</summary>
    InsufficientAvailable = 903,

    /// <summary>Only units bought today (unsettled until the next trading day, T+1) would cover the sale.</summary>
    UnitsUnsettled = 904,

    /// <summary>The account's usable cash (total − held) is less than the hold the order needs.</summary>
    InsufficientFunds = 905,

    /// <summary>The withdrawal exceeds withdrawable cash (held cash and today's proceeds stay).</summary>
    InsufficientWithdrawable = 906,

    /// <summary>A freeze with this id already exists.</summary>
    FreezeIdAlreadyUsed = 1001,

    /// <summary>No freeze with this id exists on this account and instrument.</summary>
    FreezeUnknown = 1002,

    /// <summary>The unfreeze quantity exceeds what remains frozen under this freeze id.</summary>
    UnfreezeExceedsFrozen = 1003,
}
