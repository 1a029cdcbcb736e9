using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Text;
using CarbonLedger.Domain.Credits;

namespace CarbonLedger.Domain.Registry;

public sealed partial class Ledger
{
    /// <summary>
    /// SHA-256 (hex) over a canonical rendering of the whole state: sequence, accounts, instruments,
    /// positions, serial blocks and freezes, the exchange (cash, listings with their books, live orders, block
    /// declarations, auctions) once it has been used, each sorted by its natural key so that the
    /// hash does not depend on insertion order, plus a running digest of the idempotency keys (recorded in
    /// sequence order, so replay reproduces it). Two ledgers with the same hash hold the same state; the
    /// engine journals it at checkpoints and checks it after rebuilding from the journal. O(state).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // Called rarely (checkpoints), but O(state): never tier 0.
    public string ComputeStateHash()
    {
        using var w = new HashWriter();
        w.Add(Sequence);
        foreach (AccountInfo a in AllAccounts().OrderBy(a => a.Id.Value, StringComparer.Ordinal))
        {
            w.Add(a.Id.Value).Add((long)a.Type).Add(a.Owner.Value).Add((long)a.Status);
        }

        foreach (InstrumentInfo i in AllInstruments().OrderBy(i => i.Id))
        {
            w.Add(i.Id.ToString()).Add(i.Issued.Grams);
        }

        foreach (PositionInfo p in AllPositions().OrderBy(p => p.Account.Value, StringComparer.Ordinal)
                     .ThenBy(p => p.Instrument))
        {
            w.Add(p.Account.Value).Add(p.Instrument.ToString()).Add(p.Position.Available.Grams)
                .Add(p.Position.Locked.Grams).Add(p.Position.Unsettled.Grams).Add(p.Position.Frozen.Grams)
                .Add(p.Position.Pledged.Grams);
        }

        for (int i = 0; i < _instrumentCount; i++)
        {
            foreach (SerialBlock b in _instruments[i].Serials?.Blocks ?? [])
            {
                w.Add(_instruments[i].Id.ToString()).Add(b.Range.Start).Add(b.Range.End)
                    .Add(_accounts[b.Account].Id.Value).Add((long)b.Bucket).Add(b.FreezeId ?? "").Add(b.Issuance);
            }
        }

        foreach (FreezeInfo f in AllFreezes().OrderBy(f => f.FreezeId, StringComparer.Ordinal))
        {
            w.Add(f.FreezeId).Add(f.Account.Value).Add(f.Instrument.ToString()).Add(f.Remaining.Grams);
        }

        // The idempotency table can hold millions of keys: sorting it at every checkpoint would stall the
        // writer, so it enters the hash as its size and a digest kept up to date as keys are recorded.
        w.Add(_keys.Count).Add(unchecked((long)_keysDigest));

        // The exchange enters only once used, so ledgers from before it hash as they always did (decision 0009).
        if (!_x.IsPristine)
        {
            HashExchange(w);
        }

        return w.Finish();
    }

    /// <summary>
    /// Length-prefixed, fixed-endian writes so that field boundaries cannot be confused. Streamed through a
    /// <see cref="Sha256Writer"/>: the same bytes as one hash call per field, at a fraction of the cost (a
    /// checkpoint hashes every live order, in the single writer).
    /// </summary>
    private sealed class HashWriter : IDisposable
    {
        private readonly Sha256Writer _sha = new();

        public HashWriter Add(long value)
        {
            BinaryPrimitives.WriteInt64LittleEndian(_sha.GetSpan(sizeof(long)), value);
            _sha.Advance(sizeof(long));
            return this;
        }

        public HashWriter Add(string value)
        {
            Add(value.Length);
            int written = Encoding.UTF8.GetBytes(value, _sha.GetSpan(Encoding.UTF8.GetMaxByteCount(value.Length)));
            _sha.Advance(written);
            return this;
        }

        /// <summary>The SHA-256 of everything added, as lowercase hex.</summary>
        public string Finish() => _sha.Finish();

        public void Dispose() => _sha.Dispose();
    }
}
