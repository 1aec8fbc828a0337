namespace MiniQuantDesk.Domain.Research;

/// <summary>A sweep: one row per grid point in grid order, and the best row by the objective (ties: the earliest in grid order).</summary>
public sealed record SweepResult(IReadOnlyList<SweepRow> Rows, SweepObjective Objective)
{
    public SweepRow? Best
    {
        get
        {
            SweepRow? best = null;
            double bestScore = double.NegativeInfinity;
            foreach (var row in Rows)
            {
                if (row.Score(Objective) is { } score && (best is null || score > bestScore))
                {
                    best = row;
                    bestScore = score;
                }
            }

            return best;
        }
    }

    public int Ran => Rows.Count(r => r.Summary is not null);
}
