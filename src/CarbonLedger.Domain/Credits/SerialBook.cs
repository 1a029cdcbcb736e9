using CarbonLedger.Domain.Accounts;
using CarbonLedger.Domain.Invariants;

namespace CarbonLedger.Domain.Credits;

/// <summary>
/// Who holds which serials of one credit instrument: blocks sorted by first serial. Moving part of a
/// block splits it exactly (the counts of the pieces add up to the original); adjacent blocks with the
/// same attributes merge again, so fragmentation stays bounded by real differences in ownership.
/// Operations are O(blocks) — credits move far less often than allowances, and the fungible hot path
/// never touches this type.
/// </summary>
internal sealed class SerialBook
{
    private readonly List<SerialBlock> _blocks = [];

    public IReadOnlyList<SerialBlock> Blocks => _blocks;

    /// <summary>True when any issued serial lies inside <paramref name="range"/>.</summary>
    public bool OverlapsIssued(SerialRange range)
    {
        int i = FirstBlockEndingAtOrAfter(range.Start);
        return i < _blocks.Count && _blocks[i].Range.Start <= range.End;
    }

    /// <summary>Adds a newly issued block (caller checked that nothing overlaps).</summary>
    public void Issue(SerialRange range, int account, int issuance)
    {
        LedgerAssert.That(!OverlapsIssued(range), "issued serial range overlaps an existing block");
        int at = FirstBlockEndingAtOrAfter(range.Start);
        _blocks.Insert(at, new SerialBlock(range, account, Bucket.Available, null, issuance));
        MergeAround(at);
    }

    /// <summary>True when some serial of <paramref name="range"/> is held by an account that
    /// <paramref name="isTerminal"/> says is a terminal sink.</summary>
    public bool TouchesTerminal(SerialRange range, Func<int, bool> isTerminal)
    {
        for (int i = FirstBlockEndingAtOrAfter(range.Start); i < _blocks.Count; i++)
        {
            SerialBlock b = _blocks[i];
            if (b.Range.Start > range.End)
            {
                break;
            }

            if (isTerminal(b.Account))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True when every serial of <paramref name="range"/> is issued and held by
    /// <paramref name="account"/> in <paramref name="bucket"/> (with no freeze id).</summary>
    public bool IsHeld(SerialRange range, int account, Bucket bucket)
    {
        long next = range.Start;
        for (int i = FirstBlockEndingAtOrAfter(range.Start); i < _blocks.Count && next <= range.End; i++)
        {
            SerialBlock b = _blocks[i];
            if (b.Range.Start > next || b.Account != account || b.Bucket != bucket || b.FreezeId is not null)
            {
                return false;
            }

            next = b.Range.End + 1;
        }

        return next > range.End;
    }

    /// <summary>
    /// The lowest serials held by <paramref name="account"/> in <paramref name="bucket"/> under
    /// <paramref name="freezeId"/>, <paramref name="count"/> of them, as ranges in ascending order; null when
    /// the account holds fewer.
    /// </summary>
    public SerialRange[]? SelectLowest(int account, Bucket bucket, string? freezeId, long count)
    {
        LedgerAssert.That(count > 0, "selection count must be positive");
        var picked = new List<SerialRange>();
        long remaining = count;
        foreach (SerialBlock b in _blocks)
        {
            if (b.Account != account || b.Bucket != bucket
                || !string.Equals(b.FreezeId, freezeId, StringComparison.Ordinal))
            {
                continue;
            }

            long take = Math.Min(remaining, b.Range.Count);
            var piece = new SerialRange(b.Range.Start, b.Range.Start + take - 1);
            if (picked.Count > 0 && picked[^1].End + 1 == piece.Start)
            {
                picked[^1] = picked[^1] with { End = piece.End };
            }
            else
            {
                picked.Add(piece);
            }

            remaining -= take;
            if (remaining == 0)
            {
                return [.. picked];
            }
        }

        return null;
    }

    /// <summary>
    /// Reassigns exactly the serials of <paramref name="range"/> (which must all be held by
    /// <paramref name="fromAccount"/> in <paramref name="fromBucket"/> under <paramref name="fromFreeze"/>)
    /// to the new holder, bucket and freeze id, splitting blocks at the range's edges.
    /// </summary>
    public void Move(
        SerialRange range, int fromAccount, Bucket fromBucket, string? fromFreeze,
        int toAccount, Bucket toBucket, string? toFreeze)
    {
        SplitAt(range.Start);
        SplitAt(range.End + 1);
        int first = FirstBlockEndingAtOrAfter(range.Start);
        int i = first;
        long moved = 0;
        while (i < _blocks.Count && _blocks[i].Range.Start <= range.End)
        {
            SerialBlock b = _blocks[i];
            LedgerAssert.That(b.Account == fromAccount, "moved serials are not held by the source account");
            LedgerAssert.That(b.Bucket == fromBucket, "moved serials are not in the source bucket");
            LedgerAssert.That(
                string.Equals(b.FreezeId, fromFreeze, StringComparison.Ordinal), "moved serials have another freeze");
            _blocks[i] = b with { Account = toAccount, Bucket = toBucket, FreezeId = toFreeze };
            moved += b.Range.Count;
            i++;
        }

        LedgerAssert.That(moved == range.Count, "moved serial count differs from the range (gap in ownership)");
        for (int j = i - 1; j >= first - 1 && j >= 0; j--)
        {
            MergeAround(j);
        }
    }

    /// <summary>Index of the first block whose range ends at or after <paramref name="serial"/>.</summary>
    private int FirstBlockEndingAtOrAfter(long serial)
    {
        int lo = 0;
        int hi = _blocks.Count;
        while (lo < hi)
        {
            int mid = lo + ((hi - lo) / 2);
            if (_blocks[mid].Range.End < serial)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    /// <summary>Ensures a block boundary before <paramref name="serial"/> (splits the block containing it).</summary>
    private void SplitAt(long serial)
    {
        int i = FirstBlockEndingAtOrAfter(serial);
        if (i >= _blocks.Count)
        {
            return;
        }

        SerialBlock b = _blocks[i];
        if (b.Range.Start >= serial)
        {
            return;
        }

        _blocks[i] = b with { Range = new SerialRange(b.Range.Start, serial - 1) };
        _blocks.Insert(i + 1, b with { Range = new SerialRange(serial, b.Range.End) });
        LedgerAssert.That(
            _blocks[i].Range.Count + _blocks[i + 1].Range.Count == b.Range.Count, "split changed the count");
    }

    /// <summary>Merges block <paramref name="i"/> with identical, adjacent neighbours.</summary>
    private void MergeAround(int i)
    {
        if (i < 0 || i >= _blocks.Count)
        {
            return;
        }

        if (i + 1 < _blocks.Count && Adjacent(_blocks[i], _blocks[i + 1]))
        {
            _blocks[i] = _blocks[i] with { Range = new SerialRange(_blocks[i].Range.Start, _blocks[i + 1].Range.End) };
            _blocks.RemoveAt(i + 1);
        }

        if (i > 0 && Adjacent(_blocks[i - 1], _blocks[i]))
        {
            _blocks[i - 1] = _blocks[i - 1] with
            {
                Range = new SerialRange(_blocks[i - 1].Range.Start, _blocks[i].Range.End),
            };
            _blocks.RemoveAt(i);
        }
    }

    private static bool Adjacent(SerialBlock left, SerialBlock right) =>
        left.Range.End + 1 == right.Range.Start && left.SameAttributes(right);
}
