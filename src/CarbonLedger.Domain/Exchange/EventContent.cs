using System.Collections;
using System.Reflection;

namespace CarbonLedger.Domain.Exchange;

/// <summary>
/// Deep equality of two events: record classes property by property, lists element by element, everything
/// else by its own equality. Records' generated equality compares lists by reference, which is not what a
/// replay check means by "the same outcome". Reflection: used on replay only, never on the hot path.
/// </summary>
public static class EventContent
{
    /// <summary>True when <paramref name="a"/> and <paramref name="b"/> have the same content.</summary>
    public static bool Same(object? a, object? b)
    {
        if (a is null || b is null)
        {
            return a is null && b is null;
        }

        // Lists compare by content whatever their concrete type (an array on one side, a List on the other).
        if (a is IEnumerable left && b is IEnumerable right && a is not string && b is not string)
        {
            IEnumerator l = left.GetEnumerator();
            IEnumerator r = right.GetEnumerator();
            while (true)
            {
                bool more = l.MoveNext();
                if (more != r.MoveNext())
                {
                    return false;
                }

                if (!more)
                {
                    return true;
                }

                if (!Same(l.Current, r.Current))
                {
                    return false;
                }
            }
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

        foreach (PropertyInfo p in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (p.GetIndexParameters().Length == 0 && !Same(p.GetValue(a), p.GetValue(b)))
            {
                return false;
            }
        }

        return true;
    }
}
