namespace CarbonLedger.Engine.Backtest;

/// <summary>
/// The header row of the order CSV: it must name each of the ten columns exactly once, in any order, so
/// files exported by other tools keep their own column order.
/// </summary>
internal sealed class OrderCsvHeader
{
    private readonly int[] _fieldOfColumn;

    private OrderCsvHeader(int[] fieldOfColumn, int fieldCount)
    {
        _fieldOfColumn = fieldOfColumn;
        FieldCount = fieldCount;
    }

    /// <summary>How many fields every data row must have.</summary>
    public int FieldCount { get; }

    /// <summary>Reads the header at <paramref name="line"/>, throwing a message that says what is wrong.</summary>
    public static OrderCsvHeader Parse(string text, int line)
    {
        string[] names = text.Split(',');
        int[] fieldOfColumn = new int[OrderCsvColumns.Names.Count];
        Array.Fill(fieldOfColumn, -1);
        for (int field = 0; field < names.Length; field++)
        {
            string name = names[field].Trim(' ', '\t');
            int column = IndexOf(name);
            if (column < 0)
            {
                throw new OrderCsvFormatException(
                    $"line {line}: the header names an unknown column '{name}' " +
                    $"(the columns are {OrderCsvColumns.Header}, in any order)");
            }

            if (fieldOfColumn[column] >= 0)
            {
                throw new OrderCsvFormatException($"line {line}: the header names column '{name}' twice");
            }

            fieldOfColumn[column] = field;
        }

        int missing = Array.IndexOf(fieldOfColumn, -1);
        if (missing >= 0)
        {
            throw new OrderCsvFormatException(
                $"line {line}: the header lacks column '{OrderCsvColumns.Names[missing]}' " +
                $"(the columns are {OrderCsvColumns.Header}, in any order)");
        }

        return new OrderCsvHeader(fieldOfColumn, names.Length);
    }

    /// <summary>The row's fields in canonical column order, trimmed of spaces and tabs.</summary>
    public string[] Arrange(string[] fields)
    {
        string[] values = new string[_fieldOfColumn.Length];
        for (int column = 0; column < values.Length; column++)
        {
            values[column] = fields[_fieldOfColumn[column]].Trim(' ', '\t');
        }

        return values;
    }

    private static int IndexOf(string name)
    {
        for (int i = 0; i < OrderCsvColumns.Names.Count; i++)
        {
            if (string.Equals(OrderCsvColumns.Names[i], name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
