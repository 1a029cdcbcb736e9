using CarbonLedger.Domain.Trading;

namespace CarbonLedger.Testing.Generators;

/// <summary>What a <see cref="BookStep"/> does.</summary>
public enum BookStepKind
{
    /// <summary>Run <see cref="BookStep.Command"/>.</summary>
    Command,

    /// <summary>Call <c>CloseDay</c>.</summary>
    CloseDay,

    /// <summary>Call <c>OpenDay(BookStep.Day)</c>.</summary>
    OpenDay,
}

/// <summary>One step of a generated order-book stream: a command or a trading-day boundary.</summary>
public readonly record struct BookStep(BookStepKind Kind, OrderCommand Command, TradingDay? Day)
{
    /// <summary>Runs the step against <paramref name="book"/>.</summary>
    public void ApplyTo(IOrderBook book, BookOutput output)
    {
        ArgumentNullException.ThrowIfNull(book);
        switch (Kind)
        {
            case BookStepKind.Command:
                book.Execute(Command, output);
                break;
            case BookStepKind.CloseDay:
                book.CloseDay(output);
                break;
            default:
                book.OpenDay(Day!, output);
                break;
        }
    }

    /// <summary>A readable description for failure messages.</summary>
    public override string ToString() => Kind switch
    {
        BookStepKind.Command => $"{Command.Kind} {Command}",
        BookStepKind.CloseDay => "CloseDay",
        _ => $"OpenDay {Day!.Date:yyyy-MM-dd} prev {Day.PreviousClose} band {Day.Band}",
    };
}
