using CarbonLedger.Domain.Credits;
using CarbonLedger.Domain.Registry;

namespace CarbonLedger.Testing.Reference;

/// <summary>
/// A canonical form of serial holdings that does not depend on how an implementation splits blocks (the
/// real ledger keeps blocks of different issuances apart): sort by instrument and serial, then merge
/// adjacent blocks that agree on instrument, account, bucket and freeze id.
/// </summary>
public static class CanonicalSerials
{
    /// <summary>The canonical list.</summary>
    public static IReadOnlyList<SerialHolding> Of(IEnumerable<SerialHolding> holdings)
    {
        var result = new List<SerialHolding>();
        foreach (SerialHolding h in holdings.OrderBy(h => h.Instrument).ThenBy(h => h.Serials.Start))
        {
            if (result.Count > 0)
            {
                SerialHolding last = result[^1];
                if (last.Instrument == h.Instrument && last.Serials.End + 1 == h.Serials.Start
                    && last.Account == h.Account && last.Bucket == h.Bucket && last.FreezeId == h.FreezeId)
                {
                    result[^1] = last with { Serials = new SerialRange(last.Serials.Start, h.Serials.End) };
                    continue;
                }
            }

            result.Add(h);
        }

        return result;
    }
}
