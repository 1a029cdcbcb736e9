namespace CarbonLedger.Engine.Inclusion;

/// <summary>
/// The 碳普惠 tables, in the workflow schema (<c>{schema}_wf</c>). Behaviour ids are the primary key of
/// <c>inclusion_behaviours</c>: that key is the cross-platform duplicate check, decided by PostgreSQL inside the
/// batch's transaction, so two platforms racing with the same behaviour id cannot both record it. Period totals
/// come from <c>inclusion_day_totals</c>, moved in the same transaction (a few rows a batch), so the behaviours
/// table carries no second b-tree to maintain per record, only a BRIN index on the day (a few pages, records
/// arrive roughly in time order) for the monthly confirmation that credits points.
/// </summary>
internal static class InclusionSchema
{
    public static string[] Statements(string schema) =>
    [
        $"CREATE SCHEMA IF NOT EXISTS {schema}",
        $"""
        CREATE TABLE IF NOT EXISTS {schema}.inclusion_persons (
            platform text NOT NULL, person text NOT NULL, PRIMARY KEY (platform, person))
        """,
        $"""
        CREATE TABLE IF NOT EXISTS {schema}.inclusion_behaviours (
            behaviour_id text PRIMARY KEY, platform text NOT NULL, person text NOT NULL, scenario text NOT NULL,
            methodology text NOT NULL, activity text NOT NULL, grams bigint NOT NULL CHECK (grams >= 0),
            day date NOT NULL, batch text NOT NULL, position int NOT NULL)
        """,
        $"CREATE INDEX IF NOT EXISTS inclusion_behaviours_day ON {schema}.inclusion_behaviours USING brin (day)",
        $"""
        CREATE TABLE IF NOT EXISTS {schema}.inclusion_day_totals (
            scenario text NOT NULL, day date NOT NULL, grams bigint NOT NULL, behaviours bigint NOT NULL,
            PRIMARY KEY (scenario, day))
        """,
        $"""
        CREATE TABLE IF NOT EXISTS {schema}.inclusion_batches (
            batch text PRIMARY KEY, platform text NOT NULL, period_start date NOT NULL, period_end date NOT NULL,
            received_at timestamptz NOT NULL, accepted int NOT NULL, refused int NOT NULL, grams bigint NOT NULL)
        """,
        $"""
        CREATE TABLE IF NOT EXISTS {schema}.inclusion_points (
            person text PRIMARY KEY, points bigint NOT NULL CHECK (points >= 0),
            pending_grams bigint NOT NULL CHECK (pending_grams >= 0), redeemed bigint NOT NULL DEFAULT 0)
        """,
        $"""
        CREATE TABLE IF NOT EXISTS {schema}.inclusion_corrections (
            behaviour_id text NOT NULL, platform text NOT NULL, before_activity text NOT NULL,
            after_activity text NOT NULL, before_grams bigint NOT NULL, after_grams bigint NOT NULL,
            reason text NOT NULL, at timestamptz NOT NULL)
        """,
        $"""
        CREATE TABLE IF NOT EXISTS {schema}.inclusion_redemptions (
            person text NOT NULL, points bigint NOT NULL CHECK (points > 0), reference text NOT NULL,
            at timestamptz NOT NULL)
        """,
        $"""
        CREATE TABLE IF NOT EXISTS {schema}.inclusion_issuances (
            scenario text NOT NULL, period_start date NOT NULL, period_end date NOT NULL, grams bigint NOT NULL,
            carried_in bigint NOT NULL, tonnes bigint NOT NULL, carry_out bigint NOT NULL, instrument text NOT NULL,
            serial_start bigint, serial_end bigint, ledger_seq bigint NOT NULL, regulator text NOT NULL,
            issued_at timestamptz NOT NULL, PRIMARY KEY (scenario, period_start))
        """,
    ];
}
