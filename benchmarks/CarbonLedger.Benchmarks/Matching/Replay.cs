using CarbonLedger.Domain.Trading;
using CarbonLedger.Testing.Reference;

namespace CarbonLedger.Benchmarks.Matching;

/// <summary>
/// The measured loops: run a pre-generated stream through books as fast as possible, clearing the caller's
/// output after every command and counting fills (the result is returned, so no work is dead code). One
/// overload per concrete book type, so the call to <c>Execute</c> is direct and both books pay the same loop.
/// </summary>
internal static class Replay
{
    /// <summary>The first <paramref name="count"/> commands through one pooled book; returns the fills.</summary>
    public static long Run(OrderBook book, OrderCommand[] commands, int count, BookOutput output)
    {
        long fills = 0;
        foreach (ref readonly OrderCommand command in commands.AsSpan(0, count))
        {
            book.Execute(in command, output);
            fills += Fills(output);
            output.Clear();
        }

        return fills;
    }

    /// <summary>The first <paramref name="count"/> commands through one reference book; returns the fills.</summary>
    public static long Run(ReferenceBook book, OrderCommand[] commands, int count, BookOutput output)
    {
        long fills = 0;
        foreach (ref readonly OrderCommand command in commands.AsSpan(0, count))
        {
            book.Execute(in command, output);
            fills += Fills(output);
            output.Clear();
        }

        return fills;
    }

    /// <summary>The stream routed to pooled books by dense number; returns the fills.</summary>
    public static long Run(OrderBook[] books, OrderCommand[] commands, int[] routes, int count, BookOutput output)
    {
        long fills = 0;
        ReadOnlySpan<int> route = routes.AsSpan(0, count);
        ReadOnlySpan<OrderCommand> stream = commands.AsSpan(0, count);
        for (int i = 0; i < stream.Length; i++)
        {
            books[route[i]].Execute(in stream[i], output);
            fills += Fills(output);
            output.Clear();
        }

        return fills;
    }

    /// <summary>The stream routed to reference books by dense number; returns the fills.</summary>
    public static long Run(ReferenceBook[] books, OrderCommand[] commands, int[] routes, int count, BookOutput output)
    {
        long fills = 0;
        ReadOnlySpan<int> route = routes.AsSpan(0, count);
        ReadOnlySpan<OrderCommand> stream = commands.AsSpan(0, count);
        for (int i = 0; i < stream.Length; i++)
        {
            books[route[i]].Execute(in stream[i], output);
            fills += Fills(output);
            output.Clear();
        }

        return fills;
    }

    /// <summary>Fills among the outputs of one command.</summary>
    public static int Fills(BookOutput output)
    {
        int fills = 0;
        foreach (ref readonly BookEvent e in output.Events)
        {
            fills += e.Kind == BookEventKind.Fill ? 1 : 0;
        }

        return fills;
    }
}
