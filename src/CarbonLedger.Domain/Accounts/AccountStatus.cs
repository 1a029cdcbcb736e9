namespace CarbonLedger.Domain.Accounts;

/// <summary>The life cycle of an account. <see cref="Closed"/> is absorbing: a closed id is never reused.</summary>
public enum AccountStatus
{
    /// <summary>Sends and receives units.</summary>
    Open = 1,

    /// <summary>Neither sends nor receives until reinstated; authorities may still freeze or unfreeze.</summary>
    Suspended = 2,

    /// <summary>Permanently closed (only an empty account can be closed).</summary>
    Closed = 3,
}
