using CarbonLedger.Domain.Credits;
using CarbonLedger.Domain.Identity;
using CarbonLedger.Domain.Instruments;
using CarbonLedger.Domain.Quantities;
using NodaTime;

namespace CarbonLedger.Domain.Registry;

/// <summary>
/// A deterministic 64-bit FNV-1a fingerprint of a command's content, used to tell "the same command
/// retried" from "a different command reusing a key". It must be stable across processes and versions
/// (it is journaled with each event and compared after a restart), which rules out
/// <see cref="object.GetHashCode"/> (randomised per process for strings). Allocation-free.
/// </summary>
public struct CommandFingerprint
{
    private const ulong OffsetBasis = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;

    private ulong _hash;
    private bool _started;

    /// <summary>The fingerprint so far.</summary>
    public readonly ulong Value => _started ? _hash : OffsetBasis;

    /// <summary>Mixes in a 64-bit value, byte by byte.</summary>
    public void Add(long value)
    {
        Start();
        ulong v = unchecked((ulong)value);
        for (int i = 0; i < 8; i++)
        {
            _hash = unchecked((_hash ^ (v & 0xFF)) * Prime);
            v >>= 8;
        }
    }

    /// <summary>Mixes in a string: its length, then each UTF-16 code unit (so "ab"+"c" ≠ "a"+"bc").</summary>
    public void Add(string? value)
    {
        Start();
        if (value is null)
        {
            Add(-1);
            return;
        }

        Add(value.Length);
        foreach (char c in value)
        {
            _hash = unchecked((_hash ^ (byte)c) * Prime);
            _hash = unchecked((_hash ^ (byte)(c >> 8)) * Prime);
        }
    }

    /// <summary>Mixes in an account id.</summary>
    public void Add(AccountId id) => Add(id.Value);

    /// <summary>Mixes in an actor id.</summary>
    public void Add(ActorId id) => Add(id.Value);

    /// <summary>Mixes in an instrument.</summary>
    public void Add(InstrumentId id)
    {
        Add((long)id.Programme);
        Add(id.Vintage.Year);
    }

    /// <summary>Mixes in a quantity.</summary>
    public void Add(Co2e quantity) => Add(quantity.Grams);

    /// <summary>Mixes in an optional serial range (presence flag first).</summary>
    public void Add(SerialRange? range)
    {
        Add(range.HasValue ? 1 : 0);
        if (range is { } r)
        {
            Add(r.Start);
            Add(r.End);
        }
    }

    /// <summary>Mixes in a calendar date.</summary>
    public void Add(LocalDate date)
    {
        Add(date.Year);
        Add(date.Month);
        Add(date.Day);
    }

    private void Start()
    {
        if (!_started)
        {
            _hash = OffsetBasis;
            _started = true;
        }
    }
}
