using BenchmarkDotNet.Attributes;
using MiniQuantDesk.Adapters.Ml;
using MiniQuantDesk.Domain.MarketData;
using MiniQuantDesk.Domain.Ml;

namespace MiniQuantDesk.Benchmarks;

/// <summary>
/// Shadow-mode cost per symbol-minute, CPU only (storage writes excluded): the features replayed from the
/// stored window as the live minute does (4 sessions ≈ 1 560 bars here), then each model's prediction.
/// Also the features and predictions alone, for attribution.
/// </summary>
[MemoryDiagnoser]
public class ShadowInferenceBenchmarks
{
    private IReadOnlyList<Bar> _window = null!;
    private FeatureVector _features = null!;
    private RuleModel _rule = null!;
    private MlNetModel _fastTree = null!;

    [GlobalSetup]
    public void Setup()
    {
        var spy = BenchmarkBars.Read("SPY");
        var last = spy[^1].Start;
        _window = [.. spy.Where(b => b.Start >= last.AddDays(-4))];
        _features = FeatureBuilder.AtLastBar(_window, FeatureSetDefinition.Default)!;
        _rule = new RuleModel(FeatureSetDefinition.Default);
        var trained = MlNetTrainer.Train(spy, FeatureSetDefinition.Default, new TrainingRequest("bench", MlTrainerKind.FastTree, 5));
        _fastTree = new MlNetModel(trained.Package.Card, trained.Package.Model!);
        Console.WriteLine($"// window: {_window.Count} bars");
    }

    [GlobalCleanup]
    public void Cleanup() => _fastTree.Dispose();

    /// <summary>What the hook computes per symbol-minute with Ml__Models=rule,fasttree-h5.</summary>
    [Benchmark]
    public double SymbolMinute_FeaturesAndTwoModels()
    {
        var features = FeatureBuilder.AtLastBar(_window, FeatureSetDefinition.Default)!;
        return ShadowPrediction.Make(_rule, features).Probability + ShadowPrediction.Make(_fastTree, features).Probability;
    }

    [Benchmark]
    public FeatureVector? FeaturesFromStoredWindow() => FeatureBuilder.AtLastBar(_window, FeatureSetDefinition.Default);

    [Benchmark]
    public double RuleModelPrediction() => ShadowPrediction.Make(_rule, _features).Probability;

    [Benchmark]
    public double FastTreePrediction() => ShadowPrediction.Make(_fastTree, _features).Probability;
}
