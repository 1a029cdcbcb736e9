namespace CarbonLedger.Cli;

/// <summary>Entry point of the <c>carbonledger</c> command.</summary>
internal static class Program
{
    private static int Main() => 0;
}
