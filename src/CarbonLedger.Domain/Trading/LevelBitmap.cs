using System.Numerics;

namespace CarbonLedger.Domain.Trading;

/// <summary>
/// Which price levels of one side are occupied, as a hierarchy of 64-bit words: bit <c>i</c> of layer
/// <c>k + 1</c> says whether word <c>i</c> of layer <c>k</c> has any bit set. Finding the next occupied
/// level above or below a price touches at most two words per layer (three layers cover 262,144 prices),
/// so the book never scans empty levels (performance.md §2.6: a linear scan cost 7× throughput).
/// </summary>
internal sealed class LevelBitmap
{
    private readonly ulong[][] _layers;

    /// <summary>A bitmap of <paramref name="size"/> levels, all empty.</summary>
    public LevelBitmap(int size)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(size);
        Size = size;
        var layers = new List<ulong[]>();
        int bits = size;
        do
        {
            int words = (bits + 63) >> 6;
            layers.Add(new ulong[words]);
            bits = words;
        }
        while (bits > 1);
        _layers = [.. layers];
    }

    /// <summary>Number of levels covered.</summary>
    public int Size { get; }

    /// <summary>True when level <paramref name="index"/> is marked occupied.</summary>
    public bool IsSet(int index) => (_layers[0][index >> 6] & (1UL << (index & 63))) != 0;

    /// <summary>Marks a level occupied.</summary>
    public void Set(int index)
    {
        for (int layer = 0; layer < _layers.Length; layer++)
        {
            ref ulong word = ref _layers[layer][index >> 6];
            bool wasEmpty = word == 0;
            word |= 1UL << (index & 63);
            if (!wasEmpty)
            {
                return;
            }

            index >>= 6;
        }
    }

    /// <summary>Marks a level empty.</summary>
    public void Clear(int index)
    {
        for (int layer = 0; layer < _layers.Length; layer++)
        {
            ref ulong word = ref _layers[layer][index >> 6];
            word &= ~(1UL << (index & 63));
            if (word != 0)
            {
                return;
            }

            index >>= 6;
        }
    }

    /// <summary>The lowest occupied level at or above <paramref name="index"/>, or -1.</summary>
    public int NextAtOrAbove(int index)
    {
        int layer = 0;
        while (true)
        {
            if (layer == _layers.Length)
            {
                return -1;
            }

            ulong[] words = _layers[layer];
            int w = index >> 6;
            if (w >= words.Length)
            {
                return -1;
            }

            ulong bits = words[w] & (ulong.MaxValue << (index & 63));
            if (bits != 0)
            {
                index = (w << 6) + BitOperations.TrailingZeroCount(bits);
                break;
            }

            index = w + 1;
            layer++;
        }

        while (layer > 0)
        {
            layer--;
            index = (index << 6) + BitOperations.TrailingZeroCount(_layers[layer][index]);
        }

        return index;
    }

    /// <summary>The highest occupied level at or below <paramref name="index"/>, or -1.</summary>
    public int PrevAtOrBelow(int index)
    {
        int layer = 0;
        while (true)
        {
            if (index < 0 || layer == _layers.Length)
            {
                return -1;
            }

            int w = index >> 6;
            int bit = index & 63;
            ulong mask = bit == 63 ? ulong.MaxValue : (1UL << (bit + 1)) - 1;
            ulong bits = _layers[layer][w] & mask;
            if (bits != 0)
            {
                index = (w << 6) + 63 - BitOperations.LeadingZeroCount(bits);
                break;
            }

            index = w - 1;
            layer++;
        }

        while (layer > 0)
        {
            layer--;
            index = (index << 6) + 63 - BitOperations.LeadingZeroCount(_layers[layer][index]);
        }

        return index;
    }
}
