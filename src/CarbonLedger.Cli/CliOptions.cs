using System.CommandLine;

namespace CarbonLedger.Cli;

/// <summary>Options shared by every subcommand.</summary>
internal static class CliOptions
{
    /// <summary>The PostgreSQL schema (one per partition); lets several ledgers share one server.</summary>
    public static Option<string> Schema { get; } = new("--schema")
    {
        Description = "PostgreSQL schema of the ledger (letters, digits, underscores)",
        DefaultValueFactory = _ => "carbonledger",
        Recursive = true,
        Validators =
        {
            r =>
            {
                string? value = r.GetValueOrDefault<string>();
                if (value is null || value.Length is 0 or > 48 || !char.IsAsciiLetterLower(value[0])
                    || !value.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_'))
                {
                    r.AddError(
                        $"--schema '{value}' must be 1-48 lower-case letters, digits or '_', starting with a letter");
                }
            },
        },
    };
}
