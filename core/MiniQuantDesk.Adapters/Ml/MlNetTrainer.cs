using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.ML;
using Microsoft.ML.Trainers;
using Microsoft.ML.Trainers.FastTree;
using MiniQuantDesk.Domain.MarketData;
using MiniQuantDesk.Domain.Ml;

namespace MiniQuantDesk.Adapters.Ml;

/// <summary>
/// Trains an ML.NET classifier of the sign of the next-horizon return on historical bars: features and
/// labels from <see cref="TrainingSet"/>, a <see cref="TimeOrderedSplit"/> (held-out strictly after
/// training, straddling rows purged), one thread and a fixed seed so the same bars give the same model and
/// metrics. The card records the window, the held-out metrics and every feature's training range.
/// </summary>
public static class MlNetTrainer
{
    public static TrainedModel Train(IEnumerable<Bar> bars, FeatureSetDefinition definition, TrainingRequest request)
    {
        ArgumentNullException.ThrowIfNull(bars);
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentNullException.ThrowIfNull(request);
        var errors = request.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", errors), nameof(request));
        }

        var barList = bars as IReadOnlyList<Bar> ?? bars.ToList();
        var examples = TrainingSet.Build(barList, definition, request.HorizonMinutes);
        var split = TimeOrderedSplit.Split(examples, request.HeldOutFraction);
        if (split.Training.Select(e => e.Up).Distinct().Count() < 2)
        {
            throw new ArgumentException($"the training part ({split.Training.Count} examples) has only one class; give more bars");
        }

        var ml = new MLContext(seed: request.Seed);
        var schema = FeatureRow.Schema(definition.Count);
        var training = ml.Data.LoadFromEnumerable(split.Training.Select(Row), schema);
        var transformer = Pipeline(ml, request.Trainer).Fit(training);

        var heldOutView = transformer.Transform(ml.Data.LoadFromEnumerable(split.HeldOut.Select(Row), schema));
        var probabilities = ml.Data.CreateEnumerable<ProbabilityRow>(heldOutView, reuseRowObject: false).Select(r => (double)r.Probability).ToList();
        var ranges = FeatureRange.Of(split.Training, definition.Names);
        var heldOut = split.HeldOut.Select((e, i) => new ScoredPrediction(request.Name, e.Symbol, e.BarStart, probabilities[i], ShadowPrediction.Outliers(ranges, e.Features).Count > 0, e.Return)).ToList();
        var (auc, logLoss) = Evaluate(ml, heldOutView);

        using var stream = new MemoryStream();
        ml.Model.Save(transformer, training.Schema, stream);
        var card = new ModelCard
        {
            Name = request.Name,
            Version = "pending",
            Kind = request.Trainer == MlTrainerKind.FastTree ? "fasttree" : "logistic",
            FeatureSetVersion = definition.Version,
            FeatureNames = definition.Names,
            HorizonMinutes = request.HorizonMinutes,
            TrainedFrom = split.Training.Min(e => e.BarStart),
            TrainedTo = split.Training.Max(e => e.OutcomeBarStart),
            HeldOutFrom = split.HeldOutFrom,
            HeldOutTo = split.HeldOut.Max(e => e.OutcomeBarStart),
            TrainingExamples = split.Training.Count,
            Seed = request.Seed,
            MaxAgeDays = request.MaxAgeDays,
            HeldOut = new HeldOutMetrics(split.HeldOut.Count, split.HeldOut.Count(e => e.Up) / (double)split.HeldOut.Count, auc, logLoss, ShadowScoring.Score(heldOut)),
            Ranges = ranges,
            Symbols = [.. barList.Select(b => b.Symbol).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
        };
        card = card with { Version = VersionOf(card, request) };
        return new TrainedModel(new ModelPackage(card, stream.ToArray()), split, heldOut);
    }

    private static IEstimator<ITransformer> Pipeline(MLContext ml, MlTrainerKind trainer) => trainer switch
    {
        MlTrainerKind.FastTree => ml.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options
        {
            LabelColumnName = nameof(FeatureRow.Label),
            FeatureColumnName = nameof(FeatureRow.Features),
            NumberOfTrees = 100,
            NumberOfLeaves = 8,
            MinimumExampleCountPerLeaf = 50,
            LearningRate = 0.05,
            NumberOfThreads = 1,
        }),
        _ => ml.Transforms.NormalizeMeanVariance(nameof(FeatureRow.Features))
            .Append(ml.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options
            {
                LabelColumnName = nameof(FeatureRow.Label),
                FeatureColumnName = nameof(FeatureRow.Features),
                NumberOfThreads = 1,
            })),
    };

    // AUC is undefined on a held-out part of one class; ML.NET throws then.
    private static (double Auc, double LogLoss) Evaluate(MLContext ml, IDataView scored)
    {
        try
        {
            var metrics = ml.BinaryClassification.Evaluate(scored, labelColumnName: nameof(FeatureRow.Label));
            return (metrics.AreaUnderRocCurve, metrics.LogLoss);
        }
        catch (ArgumentOutOfRangeException)
        {
            return (double.NaN, double.NaN);
        }
    }

    private static FeatureRow Row(TrainingExample e) => new() { Features = FeatureRow.ToFloats(e.Features), Label = e.Up };

    /// <summary>
    /// A version from what made the model (trainer, seed, horizon, feature set, windows, example counts and
    /// held-out results): the same bars and settings give the same version; anything else a new one.
    /// </summary>
    private static string VersionOf(ModelCard card, TrainingRequest request)
    {
        var text = string.Create(CultureInfo.InvariantCulture,
            $"{card.Name}|{card.Kind}|{request.Seed}|{card.HorizonMinutes}|{card.FeatureSetVersion}|{card.TrainedFrom:O}|{card.TrainedTo:O}|{card.HeldOutFrom:O}|{card.HeldOutTo:O}|{card.TrainingExamples}|{card.HeldOut!.Examples}|{card.HeldOut.Scores.Hits}|{card.HeldOut.Scores.Brier:R}|{string.Join(",", card.Symbols)}");
        return $"{card.TrainedTo:yyyyMMdd}-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..8];
    }
}
