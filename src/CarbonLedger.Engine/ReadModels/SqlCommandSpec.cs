using System.Text;
using Npgsql;

namespace CarbonLedger.Engine.ReadModels;

/// <summary>
/// One parameterised SQL statement with <c>?</c> placeholders: queued into the Marten session for a
/// live batch (same transaction as the journal append), or run directly with Npgsql for a rebuild.
/// </summary>
public sealed record SqlCommandSpec(string Sql, object[] Arguments)
{
    /// <summary>An Npgsql command with the placeholders numbered <c>$1…$n</c>.</summary>
    public NpgsqlCommand ToNpgsql(NpgsqlConnection connection, NpgsqlTransaction? transaction)
    {
#pragma warning disable CA2100 // The text is built from constant SQL with numbered parameters, never from input.
        var command = new NpgsqlCommand(NumberedSql(), connection, transaction);
#pragma warning restore CA2100
        foreach (object argument in Arguments)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = argument });
        }

        return command;
    }

    /// <summary>The same statement as one command of an <see cref="NpgsqlBatch"/>.</summary>
    public NpgsqlBatchCommand ToBatchCommand()
    {
        var command = new NpgsqlBatchCommand(NumberedSql());
        foreach (object argument in Arguments)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = argument });
        }

        return command;
    }

    private string NumberedSql()
    {
        var text = new StringBuilder(Sql.Length + 16);
        int n = 0;
        foreach (char c in Sql)
        {
            if (c == '?')
            {
                text.Append('$').Append(++n);
            }
            else
            {
                text.Append(c);
            }
        }

        if (n != Arguments.Length)
        {
            throw new InvalidOperationException($"SQL has {n} placeholders but {Arguments.Length} arguments");
        }

        return text.ToString();
    }
}
