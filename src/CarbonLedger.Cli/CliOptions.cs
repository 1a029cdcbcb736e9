using System.CommandLine;
using System.Globalization;
using NodaTime;
using NodaTime.Text;

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

    private static readonly InstantPattern s_stamp = InstantPattern.CreateWithInvariantCulture("uuuuMMddHHmmss");

    /// <summary>
    /// The schema a simulation writes to: the one named with <c>--schema</c>, else a fresh one per run
    /// (<c>{prefix}_{seed}_{UTC time}</c>), so that a new run never lands on an earlier one.
    /// </summary>
    public static string SchemaOrFresh(ParseResult parse, string prefix, int seed) =>
        parse.GetResult(Schema) is { Implicit: false }
            ? parse.GetValue(Schema)!
            : string.Create(CultureInfo.InvariantCulture,
                $"{prefix}_{Math.Abs(seed)}_{s_stamp.Format(SystemClock.Instance.GetCurrentInstant())}");
}
