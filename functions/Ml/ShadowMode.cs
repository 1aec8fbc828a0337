using Microsoft.Extensions.DependencyInjection;
using MiniQuantDesk.Adapters.Ml;
using MiniQuantDesk.Functions.EvaluateStrategies;

namespace MiniQuantDesk.Functions.Ml;

/// <summary>Registers shadow mode: the registry, the predictions table, the model catalog, scorer and predictor.</summary>
public static class ShadowMode
{
    public static void Add(IServiceCollection services)
    {
        services.AddSingleton<ModelRegistry>();
        services.AddSingleton<PredictionStore>();
        services.AddSingleton<ShadowModelCatalog>();
        services.AddSingleton<ShadowScorer>();
        services.AddSingleton<IShadowPredictor, ShadowPredictor>();
    }
}
