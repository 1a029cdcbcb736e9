using System.Text;
using CarbonLedger.Domain.Trading;
using CarbonLedger.Testing.Reference;

namespace CarbonLedger.Benchmarks.Matching;

/// <summary>
/// Replays a workload through the pooled books and the reference books side by side and compares every
/// command's outputs, then the books' canonical snapshots: the benchmark streams double as a large
/// differential test, and a divergence is reported with the command index and the book.
/// </summary>
internal static class Differential
{
    /// <summary>Null when the first <paramref name="count"/> commands agree; otherwise what differed.</summary>
    public static string? FirstDivergence(MatchingWorkload workload, int count)
    {
        OrderBook[] fast = workload.NewOrderBooks();
        ReferenceBook[] slow = workload.NewReferenceBooks();
        BookOutput a = workload.NewOutput();
        BookOutput b = workload.NewOutput();
        for (int i = 0; i < count; i++)
        {
            int book = workload.Routes[i];
            ref readonly OrderCommand command = ref workload.Commands[i];
            a.Clear();
            b.Clear();
            try
            {
                fast[book].Execute(in command, a);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                return $"command {i} (book {book}): OrderBook threw {e.GetType().Name}: {e.Message}\n  {command}";
            }

            slow[book].Execute(in command, b);
            if (!a.Events.SequenceEqual(b.Events))
            {
                return $"command {i} (book {book}) {command}\n  OrderBook:     {List(a)}\n  ReferenceBook: {List(b)}";
            }
        }

        for (int book = 0; book < fast.Length; book++)
        {
            if (!fast[book].Snapshot().AsSpan().SequenceEqual(slow[book].Snapshot()))
            {
                return $"after {count} commands book {book} snapshots differ (outputs agreed)";
            }
        }

        return null;
    }

    private static string List(BookOutput output)
    {
        var text = new StringBuilder();
        foreach (ref readonly BookEvent e in output.Events)
        {
            text.Append("\n    ").Append(e);
        }

        return text.ToString();
    }
}
