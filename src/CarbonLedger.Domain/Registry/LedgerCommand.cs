using CarbonLedger.Domain.Identity;

namespace CarbonLedger.Domain.Registry;

/// <summary>
/// A request to change the registry, from <see cref="Actor"/>, made idempotent by the client's
/// <see cref="Key"/>. Commands are imperative (<c>TransferUnits</c>); an accepted command becomes exactly
/// one event (<c>UnitsTransferred</c>). The hierarchy is closed: only this assembly defines commands.
/// </summary>
public abstract record LedgerCommand(IdempotencyKey Key, ActorId Actor)
{
    /// <summary>A stable number per command type, mixed into the fingerprint.</summary>
    internal abstract int TypeCode { get; }

    /// <summary>The deterministic content fingerprint (see <see cref="CommandFingerprint"/>).</summary>
    public ulong Fingerprint()
    {
        var f = default(CommandFingerprint);
        f.Add(TypeCode);
        f.Add(Key.Value);
        f.Add(Actor);
        AddFields(ref f);
        return f.Value;
    }

    /// <summary>
    /// Why the command is malformed as a value (an undefined enum value, a field that contradicts its kind),
    /// or null. Hosts refuse a malformed command before it reaches the core (an
    /// <see cref="ArgumentException"/> to the caller); the core treats one as a programmer error.
    /// </summary>
    public virtual string? ShapeError() => null;

    /// <summary>Mixes the command's own fields into the fingerprint.</summary>
    private protected abstract void AddFields(ref CommandFingerprint f);
}
