namespace MiniQuantDesk.Functions.Dashboard;

/// <summary>A shadow model's score over a window (issue 7 scores predictions; the dashboard only shows them).</summary>
public sealed record ShadowScore(string Model, string Version, string Window, int Predictions, decimal? HitRate, decimal? Brier);

/// <summary>Where the dashboard reads shadow-model scores from. Until models are scored there are none.</summary>
public interface IShadowScores
{
    Task<IReadOnlyList<ShadowScore>> ReadAsync(DateTimeOffset now, CancellationToken cancellationToken);
}

/// <summary>No shadow models scored yet: the page says "none yet".</summary>
public sealed class NoShadowScores : IShadowScores
{
    public Task<IReadOnlyList<ShadowScore>> ReadAsync(DateTimeOffset now, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ShadowScore>>([]);
}
