using CarbonLedger.Domain.Instruments;

namespace CarbonLedger.Domain.Tests.Instruments;

public sealed class ProgrammeTests
{
    [Theory]
    [InlineData(Programme.Cea, "CEA", false)]
    [InlineData(Programme.Shea, "SHEA", false)]
    [InlineData(Programme.Ccer, "CCER", true)]
    [InlineData(Programme.Shcer, "SHCER", true)]
    public void Facts_EachProgramme_HaveCodeAndSerialKind(Programme programme, string code, bool serialNumbered)
    {
        Assert.Equal(code, programme.Code());
        Assert.Equal(serialNumbered, programme.IsSerialNumbered());
        Assert.True(ProgrammeFacts.TryParse(code.ToLowerInvariant(), out Programme parsed));
        Assert.Equal(programme, parsed);
    }

    [Fact]
    public void Facts_UndefinedProgramme_Throw()
    {
        var bogus = (Programme)42;
        Assert.Throws<ArgumentOutOfRangeException>(() => bogus.Code());
        Assert.Throws<ArgumentOutOfRangeException>(() => bogus.IsSerialNumbered());
        Assert.False(ProgrammeFacts.TryParse("EUA", out _));
    }
}
