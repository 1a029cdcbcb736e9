using System.Collections;
using System.Globalization;
using System.Reflection;

namespace CarbonLedger.Testing.Reference;

/// <summary>Any value as readable text with its lists spelled out (records print lists as type names).</summary>
public static class ContentText
{
    /// <summary>The text of <paramref name="value"/>.</summary>
    public static string Of(object? value)
    {
        if (value is null)
        {
            return "null";
        }

        Type type = value.GetType();
        if (value is string s)
        {
            return "\"" + s + "\"";
        }

        if (type.IsValueType)
        {
            return Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";
        }

        if (value is IEnumerable items)
        {
            return "[" + string.Join(", ", items.Cast<object?>().Select(Of)) + "]";
        }

        IEnumerable<string> fields = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0)
            .Select(p => $"{p.Name} = {Of(p.GetValue(value))}");
        return $"{type.Name} {{ {string.Join(", ", fields)} }}";
    }
}
