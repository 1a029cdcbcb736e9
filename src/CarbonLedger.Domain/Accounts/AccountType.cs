namespace CarbonLedger.Domain.Accounts;

/// <summary>
/// What an account is for. Stable numeric values (they are stored and hashed). The three sinks are
/// terminal: units that enter them never leave (invariant I3), so they exist once, built in, and cannot
/// be opened by a command.
/// </summary>
public enum AccountType
{
    /// <summary>A regulator's allocation account (MEE or a province): issues units, acts as an authority.</summary>
    Authority = 1,

    /// <summary>An enterprise's registry holding account (登记账户).</summary>
    EnterpriseHolding = 2,

    /// <summary>An entity's trading account at the exchange (交易账户).</summary>
    Trading = 3,

    /// <summary>A 碳普惠 platform account that receives SHCER issuance.</summary>
    InclusionPlatform = 4,

    /// <summary>A 碳普惠 individual's account.</summary>
    InclusionIndividual = 5,

    /// <summary>The exchange's clearing account: its holder operates the exchange (one per ledger).</summary>
    ExchangeClearing = 6,

    /// <summary>The exchange fee account: every trading fee is paid into it (one per ledger).</summary>
    Fee = 7,

    /// <summary>Terminal sink: units surrendered for compliance (清缴).</summary>
    SurrenderedSink = 8,

    /// <summary>Terminal sink: units retired voluntarily, with a beneficiary and a certificate.</summary>
    RetiredSink = 9,

    /// <summary>Terminal sink: units cancelled (注销).</summary>
    CancelledSink = 10,

    /// <summary>A settlement bank (结算银行): its holder posts cash deposits and withdrawals of trading accounts.
    /// It holds no cash in the ledger (the money is at the bank).</summary>
    SettlementBank = 11,
}

/// <summary>Facts about account types.</summary>
public static class AccountTypeFacts
{
    /// <summary>True for the three terminal sinks.</summary>
    public static bool IsTerminalSink(this AccountType type) =>
        type is AccountType.SurrenderedSink or AccountType.RetiredSink or AccountType.CancelledSink;
}
