using System.Collections;
using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;

namespace CarbonLedger.Domain.Exchange;

/// <summary>
/// Deep equality of two events: record classes property by property, lists element by element, everything
/// else by its own equality. Records' generated equality compares lists by reference, which is not what a
/// replay check means by "the same outcome". Used on replay only (every replayed exchange event is compared with the
/// one its command produces again), never on the hot path.
/// </summary>
public static class EventContent
{
    /// <summary>One compiled comparer per class, built on first use: reflecting over the properties on every call
    /// (and boxing every value) took a quarter of the replay's fold (docs/benchmarks/2026-11-28-replay.md, run 9).
    /// </summary>
    private static readonly ConcurrentDictionary<Type, Func<object, object, bool>> s_comparers = new();

    private static readonly MethodInfo s_same = typeof(EventContent).GetMethod(nameof(Same))!;

    private static readonly MethodInfo s_stringEquals =
        typeof(string).GetMethod(nameof(string.Equals), [typeof(string), typeof(string)])!;

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

        return s_comparers.GetOrAdd(type, Compile)(a, b);
    }

    /// <summary>
    /// <c>(a, b) =&gt; a.P1 ≡ b.P1 &amp;&amp; a.P2 ≡ b.P2 …</c> over the public instance properties of
    /// <paramref name="type"/>, where ≡ is the value type's own equality (no boxing) for a value that is not a list,
    /// ordinal equality for a string, and <see cref="Same"/> for anything else.
    /// </summary>
    private static Func<object, object, bool> Compile(Type type)
    {
        ParameterExpression a = Expression.Parameter(typeof(object), "a");
        ParameterExpression b = Expression.Parameter(typeof(object), "b");
        ParameterExpression left = Expression.Variable(type, "left");
        ParameterExpression right = Expression.Variable(type, "right");
        Expression all = Expression.Constant(true);
        foreach (PropertyInfo p in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (p.GetIndexParameters().Length > 0 || p.GetMethod is null)
            {
                continue;
            }

            Expression l = Expression.Property(left, p);
            Expression r = Expression.Property(right, p);
            Type t = p.PropertyType;
            Type comparer = typeof(EqualityComparer<>).MakeGenericType(t);
            Expression equal =
                t.IsValueType && !typeof(IEnumerable).IsAssignableFrom(t)
                    ? Expression.Call(Expression.Property(null, comparer, "Default"),
                        comparer.GetMethod("Equals", [t, t])!, l, r)
                    : t == typeof(string)
                        ? Expression.Call(s_stringEquals, l, r)
                        : Expression.Call(s_same, Expression.Convert(l, typeof(object)),
                            Expression.Convert(r, typeof(object)));
            all = Expression.AndAlso(all, equal);
        }

        BlockExpression body = Expression.Block(
            typeof(bool),
            [left, right],
            Expression.Assign(left, Expression.Convert(a, type)),
            Expression.Assign(right, Expression.Convert(b, type)),
            all);
        return Expression.Lambda<Func<object, object, bool>>(body, a, b).Compile();
    }
}
