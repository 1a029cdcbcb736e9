namespace CarbonLedger.Domain.Instruments;

/// <summary>
/// The scheme a unit belongs to. Allowances (CEA, SHEA) are fungible within a vintage; credits (CCER,
/// SHCER) carry serial numbers, one per tonne, so that every retirement and surrender names its units.
/// Stable numeric values: they are part of stored state hashes.
/// </summary>
public enum Programme
{
    /// <summary>National carbon emission allowance (全国碳排放配额).</summary>
    Cea = 1,

    /// <summary>Shanghai pilot ETS allowance (上海碳排放配额).</summary>
    Shea = 2,

    /// <summary>China Certified Emission Reduction (国家核证自愿减排量), serial-numbered.</summary>
    Ccer = 3,

    /// <summary>Shanghai carbon-inclusion reduction (上海市碳普惠减排量), serial-numbered.</summary>
    Shcer = 4,
}

/// <summary>Facts about each programme.</summary>
public static class ProgrammeFacts
{
    /// <summary>True for credit programmes whose units carry serial numbers.</summary>
    public static bool IsSerialNumbered(this Programme programme) => programme switch
    {
        Programme.Cea or Programme.Shea => false,
        Programme.Ccer or Programme.Shcer => true,
        _ => throw new ArgumentOutOfRangeException(nameof(programme), programme, "unknown programme"),
    };

    /// <summary>The code used in instrument ids (<c>CEA</c>, <c>SHEA</c>, <c>CCER</c>, <c>SHCER</c>).</summary>
    public static string Code(this Programme programme) => programme switch
    {
        Programme.Cea => "CEA",
        Programme.Shea => "SHEA",
        Programme.Ccer => "CCER",
        Programme.Shcer => "SHCER",
        _ => throw new ArgumentOutOfRangeException(nameof(programme), programme, "unknown programme"),
    };

    /// <summary>Parses a programme code, case-insensitively.</summary>
    public static bool TryParse(string code, out Programme programme)
    {
        programme = code.ToUpperInvariant() switch
        {
            "CEA" => Programme.Cea,
            "SHEA" => Programme.Shea,
            "CCER" => Programme.Ccer,
            "SHCER" => Programme.Shcer,
            _ => 0,
        };
        return programme != 0;
    }
}
