using CarbonLedger.Domain.Rules;
using CarbonLedger.Domain.Trading;

namespace CarbonLedger.Domain.Exchange;

/// <summary>An open block declaration (大宗协议): the poster's terms and hold; -1 counterparty = public.</summary>
internal sealed class BlockOrder
{
    public long Id { get; init; }

    public int Account { get; init; }

    public int Listing { get; init; }

    public Side Side { get; init; }

    public long Price { get; init; }

    public long Quantity { get; init; }

    public int Counterparty { get; init; } = -1;

    public long HeldCash { get; init; }

    public FeeRate Rate { get; init; }
}
