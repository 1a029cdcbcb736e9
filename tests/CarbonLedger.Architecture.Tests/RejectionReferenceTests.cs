using CarbonLedger.Domain.Compliance;
using CarbonLedger.Domain.Inclusion;
using CarbonLedger.Domain.Mrv;
using CarbonLedger.Domain.Registry;

namespace CarbonLedger.Architecture.Tests;

/// <summary>docs/reference/rejections.md lists every rejection code with its name, in declaration order.</summary>
public sealed class RejectionReferenceTests
{
    public static TheoryData<Type> Enums =>
        [typeof(LedgerRejection), typeof(MrvRejection), typeof(ComplianceRejection), typeof(InclusionRejection)];

    [Theory]
    [MemberData(nameof(Enums))]
    public void RejectionsReference_EveryCode_ListedByNumberAndNameInOrder(Type rejections)
    {
        string[] lines = File.ReadAllLines(Path.Combine(Root(), "docs", "reference", "rejections.md"));
        int previous = -1;
        foreach (object value in Enum.GetValues(rejections))
        {
            int code = (int)value;
            if (code == 0)
            {
                continue;
            }

            string row = $"| {code} | {value} |";
            int at = Array.FindIndex(lines, l => l.StartsWith(row, StringComparison.Ordinal));
            Assert.True(at >= 0, $"rejections.md has no row starting '{row}'");
            Assert.True(at > previous, $"{rejections.Name}.{value} is listed out of declaration order");
            previous = at;
        }
    }

    private static string Root()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CarbonLedger.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("CarbonLedger.sln not found above " + AppContext.BaseDirectory);
    }
}
