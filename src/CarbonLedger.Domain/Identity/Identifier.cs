using System.Diagnostics.CodeAnalysis;

namespace CarbonLedger.Domain.Identity;

/// <summary>
/// The shared syntax of textual identifiers (account ids, actor ids): 1–64 characters of ASCII letters,
/// digits, '.', '_' and '-', starting with a letter or digit. Narrow on purpose: ids appear in CLI
/// arguments, file names and certificates, where spaces or control characters cause trouble.
/// </summary>
internal static class Identifier
{
    public const int MaxLength = 64;

    public static bool TryValidate(string? text, string what, [NotNullWhen(false)] out string? error)
    {
        if (string.IsNullOrEmpty(text))
        {
            error = $"{what} is empty";
            return false;
        }

        if (text.Length > MaxLength)
        {
            error = $"{what} '{text[..16]}…' is longer than {MaxLength} characters";
            return false;
        }

        if (!char.IsAsciiLetterOrDigit(text[0]))
        {
            error = $"{what} '{text}' must start with a letter or digit";
            return false;
        }

        foreach (char c in text)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('.' or '_' or '-'))
            {
                error = $"{what} '{text}' contains '{c}' (allowed: letters, digits, '.', '_', '-')";
                return false;
            }
        }

        error = null;
        return true;
    }
}
