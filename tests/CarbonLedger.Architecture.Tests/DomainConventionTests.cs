using System.Reflection;
using CarbonLedger.Domain.Registry;
using NodaTime;

namespace CarbonLedger.Architecture.Tests;

/// <summary>Conventions of the functional core, checked by reflection over the compiled Domain assembly.</summary>
public sealed class DomainConventionTests
{
    private const BindingFlags Everything =
        BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static
        | BindingFlags.DeclaredOnly;

    private static readonly Assembly s_domain = typeof(Ledger).Assembly;

    private static readonly Type[] s_forbidden = [typeof(double), typeof(float), typeof(Half), typeof(DateTime),
        typeof(DateTimeOffset)];

    [Fact]
    public void Domain_ReferencesOnlyNodaTime()
    {
        var foreign = s_domain.GetReferencedAssemblies()
            .Select(a => a.Name ?? "")
            .Where(name => !IsFramework(name) && name != "NodaTime")
            .ToList();
        Assert.True(foreign.Count == 0, "CarbonLedger.Domain references " + string.Join(", ", foreign));
        Assert.Contains(s_domain.GetReferencedAssemblies(), a => a.Name == "NodaTime");
    }

    [Fact]
    public void Domain_DoesNotUseFloatingPointOrDateTime()
    {
        var violations = new List<string>();
        foreach (Type type in s_domain.GetTypes())
        {
            foreach (FieldInfo f in type.GetFields(Everything))
            {
                Check(violations, f.FieldType, $"field {type.FullName}.{f.Name}");
            }

            foreach (PropertyInfo p in type.GetProperties(Everything))
            {
                Check(violations, p.PropertyType, $"property {type.FullName}.{p.Name}");
            }

            IEnumerable<MethodBase> members =
                type.GetMethods(Everything).Cast<MethodBase>().Concat(type.GetConstructors(Everything));
            foreach (MethodBase m in members)
            {
                if (m is MethodInfo method)
                {
                    Check(violations, method.ReturnType, $"return of {type.FullName}.{m.Name}");
                }

                foreach (ParameterInfo parameter in m.GetParameters())
                {
                    Check(violations, parameter.ParameterType,
                        $"parameter {parameter.Name} of {type.FullName}.{m.Name}");
                }
            }
        }

        Assert.True(violations.Count == 0,
            "floating point or DateTime in the domain:\n" + string.Join("\n", violations));
    }

    [Fact]
    public void Events_AreSealedRecordsWithInstant()
    {
        var events = s_domain.GetTypes()
            .Where(t => typeof(LedgerEvent).IsAssignableFrom(t) && !t.IsAbstract)
            .ToList();
        Assert.True(events.Count >= 12, $"only {events.Count} event types found");
        Assert.All(events, e =>
        {
            Assert.True(e.IsSealed, $"{e.Name} is not sealed");
            Assert.True(IsRecord(e), $"{e.Name} is not a record");
            PropertyInfo? at = e.GetProperty("At", BindingFlags.Public | BindingFlags.Instance);
            Assert.True(at is not null && at.PropertyType == typeof(Instant), $"{e.Name} has no Instant At");
        });
        Assert.True(typeof(LedgerEvent).IsAbstract && IsRecord(typeof(LedgerEvent)),
            "LedgerEvent is an abstract record");
    }

    [Fact]
    public void Commands_AreSealedRecords()
    {
        var commands = s_domain.GetTypes()
            .Where(t => typeof(LedgerCommand).IsAssignableFrom(t) && !t.IsAbstract)
            .ToList();
        Assert.True(commands.Count >= 12, $"only {commands.Count} command types found");
        Assert.All(commands, c => Assert.True(c.IsSealed && IsRecord(c), $"{c.Name} is not a sealed record"));
    }

    [Fact]
    public void Rejections_HaveDistinctValues()
    {
        string[] names = Enum.GetNames<LedgerRejection>();
        int[] values = Enum.GetValues<LedgerRejection>().Select(r => (int)r).ToArray();
        Assert.Equal(names.Length, values.Distinct().Count());
        Assert.Contains(0, values);
        Assert.All(values.Where(v => v != 0), v => Assert.InRange(v, 100, 1099));
    }

    private static void Check(List<string> violations, Type type, string where)
    {
        if (Mentions(type) is { } bad)
        {
            violations.Add($"{where}: {bad.Name}");
        }
    }

    /// <summary>The forbidden type the given type is or contains (arrays, by-refs, generics, nullables).</summary>
    private static Type? Mentions(Type type)
    {
        if (s_forbidden.Contains(type))
        {
            return type;
        }

        if (type.HasElementType && type.GetElementType() is { } element)
        {
            return Mentions(element);
        }

        return type.IsGenericType
            ? type.GetGenericArguments().Select(Mentions).FirstOrDefault(t => t is not null)
            : null;
    }

    private static bool IsRecord(Type type) =>
        type.GetProperty("EqualityContract", BindingFlags.NonPublic | BindingFlags.Instance) is not null;

    private static bool IsFramework(string name) =>
        name is "netstandard" or "mscorlib" or "System" || name.StartsWith("System.", StringComparison.Ordinal);
}
