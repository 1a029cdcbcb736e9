using System.Collections;
using System.Reflection;

namespace CarbonLedger.Testing.Reference;

/// <summary>
/// The naive oracle for <c>EventContent.Same</c>: the same deep equality by plain reflection on every call (each
/// property read boxed), as the domain computed it before its comparers were compiled.
/// </summary>
public static class ReferenceEventContent
{
    /// <summary>True when <paramref name="a"/> and <paramref name="b"/> have the same content.</summary>
    public static bool Same(object? a, object? b)
    {
        if (a is null || b is null)
        {
            return a is null && b is null;
        }

        if (a is IEnumerable left && b is IEnumerable right && a is not string && b is not string)
        {
            object?[] l = left.Cast<object?>().ToArray();
            object?[] r = right.Cast<object?>().ToArray();
            return l.Length == r.Length && l.Zip(r).All(pair => Same(pair.First, pair.Second));
        }

        Type type = a.GetType();
        if (type != b.GetType())
        {
            return false;
        }

        if (a is string || type.IsValueType)
        {
            return a.Equals(b);
        }

        return type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0)
            .All(p => Same(p.GetValue(a), p.GetValue(b)));
    }
}
