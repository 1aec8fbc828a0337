using MiniQuantDesk.Domain.MarketData;

namespace MiniQuantDesk.Functions.EvaluateStrategies;

/// <summary>
/// Shadow-mode models: asked every minute for every symbol, their predictions are logged and scored, never
/// acted on. EvaluateStrategies calls this after the decision is made and swallows every failure, so a model
/// can neither change nor stop an order.
/// </summary>
public interface IShadowPredictor
{
    Task PredictAsync(string symbol, IReadOnlyList<Bar> window, DateTimeOffset minute, CancellationToken cancellationToken);
}

/// <summary>No models configured.</summary>
public sealed class NoShadowModels : IShadowPredictor
{
    public Task PredictAsync(string symbol, IReadOnlyList<Bar> window, DateTimeOffset minute, CancellationToken cancellationToken) => Task.CompletedTask;
}
