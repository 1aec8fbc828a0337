using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using MiniQuantDesk.Adapters.Backtest;
using MiniQuantDesk.Adapters.Ml;
using MiniQuantDesk.Adapters.Storage;
using MiniQuantDesk.Domain.MarketData;
using MiniQuantDesk.Domain.Ml;
using MiniQuantDesk.Functions.Ml;

namespace MiniQuantDesk.Functions.Cli;

/// <summary>
/// <c>desk ml train</c>: an ML.NET classifier of the sign of the next-horizon return, trained on bar CSVs with
/// a time-ordered split, saved with its card to <c>--out</c> and, with <c>--registry</c>, published to the
/// <c>models</c> container. <c>desk ml report</c>: the shadow models' scores per model, per day and rolling.
/// Exit codes: 0 done, 2 bad input (bars, too little data, storage), 78 bad option.
/// </summary>
public static class MlCommand
{
    public const int BadInput = 2;
    public const int BadSettings = 78;

    public static Command Create()
    {
        var ml = new Command("ml", "Shadow-mode models: train one, report their scores");
        ml.Add(TrainCommand());
        ml.Add(ReportCommand());
        return ml;
    }

    private static Command TrainCommand()
    {
        var bars = new Option<string>("--bars") { Description = "A bar CSV (timestamp_utc,open,high,low,close,volume) or a folder of <SYMBOL>.csv", Required = true };
        var horizon = new Option<int>("--horizon") { Description = "Minutes ahead whose return sign the model predicts", Required = true };
        var symbols = new Option<string?>("--symbols") { Description = "Symbols, comma-separated (default: every <SYMBOL>.csv of the folder, or the file's name)" };
        var trainer = new Option<string>("--trainer") { Description = "fasttree (boosted trees) or logistic (regression)", DefaultValueFactory = _ => "fasttree" };
        var name = new Option<string?>("--name") { Description = "Registry name of the model (default <trainer>-h<horizon>)" };
        var seed = new Option<int>("--seed") { Description = "Random seed (same bars + same seed = same model and metrics)", DefaultValueFactory = _ => 1 };
        var heldOut = new Option<double>("--held-out") { Description = "Share of the bar times, at the end, held out for the metrics", DefaultValueFactory = _ => 0.2 };
        var maxAge = new Option<int>("--max-age-days") { Description = "Days after its last training bar the model stops predicting", DefaultValueFactory = _ => 30 };
        var output = new Option<string>("--out") { Description = "Folder for <name>/<version>/{card.json,model.zip}", DefaultValueFactory = _ => "ml-models" };
        var registry = new Option<string?>("--registry") { Description = "Storage connection string to publish to (container models), e.g. UseDevelopmentStorage=true" };
        var command = new Command("train", "Train a classifier of the next-horizon return sign on historical bars (time-ordered split, no look-ahead)")
        {
            bars, horizon, symbols, trainer, name, seed, heldOut, maxAge, output, registry,
        };
        command.SetAction((parse, ct) => TrainAsync(
            parse.GetValue(bars)!, parse.GetValue(horizon), parse.GetValue(symbols), parse.GetValue(trainer)!, parse.GetValue(name),
            parse.GetValue(seed), parse.GetValue(heldOut), parse.GetValue(maxAge), parse.GetValue(output)!, parse.GetValue(registry), Console.Out, Console.Error, ct));
        return command;
    }

    private static Command ReportCommand()
    {
        var storage = new Option<string?>("--storage") { Description = "Storage connection string (default: AzureWebJobsStorage, else UseDevelopmentStorage=true)" };
        var from = new Option<string?>("--from") { Description = "First New York date, yyyy-MM-dd (default: 30 days before --to)" };
        var to = new Option<string?>("--to") { Description = "Last New York date, yyyy-MM-dd (default: today)" };
        var rolling = new Option<int>("--rolling-days") { Description = "Days in the rolling window", DefaultValueFactory = _ => 5 };
        var command = new Command("report", "Scores of the shadow models: hit rate, Brier score, following return, calibration; per model, per day and rolling")
        {
            storage, from, to, rolling,
        };
        command.SetAction((parse, ct) => ReportAsync(
            parse.GetValue(storage) ?? Environment.GetEnvironmentVariable("AzureWebJobsStorage") ?? "UseDevelopmentStorage=true",
            parse.GetValue(from), parse.GetValue(to), parse.GetValue(rolling), Console.Out, Console.Error, ct));
        return command;
    }

    /// <summary>The train verb's body, callable from tests with any writers.</summary>
    public static async Task<int> TrainAsync(string barsPath, int horizon, string? symbolList, string trainerName, string? name, int seed, double heldOut, int maxAgeDays, string outFolder, string? registry, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        MlTrainerKind? trainer = trainerName.Trim().ToLowerInvariant() switch
        {
            "fasttree" => MlTrainerKind.FastTree,
            "logistic" => MlTrainerKind.Logistic,
            _ => null,
        };
        var request = new TrainingRequest(name ?? $"{trainerName.Trim().ToLowerInvariant()}-h{horizon}", trainer ?? MlTrainerKind.FastTree, horizon, seed, maxAgeDays, heldOut);
        var problems = request.Validate().ToList();
        if (trainer is null)
        {
            problems.Insert(0, $"--trainer must be fasttree or logistic, was '{trainerName}'");
        }

        if (problems.Count > 0)
        {
            problems.ForEach(stderr.WriteLine);
            return BadSettings;
        }

        try
        {
            var input = BacktestBarFiles.Read(barsPath, Symbols(barsPath, symbolList));
            var clock = Stopwatch.StartNew();
            var trained = MlNetTrainer.Train(input, FeatureSetDefinition.Default, request);
            var elapsed = clock.Elapsed;
            var card = trained.Package.Card;
            var folder = ModelFolder.Write(outFolder, trained.Package);
            stdout.WriteLine(Describe(card, trained.Split, input.Count, elapsed));
            stdout.WriteLine($"wrote {Path.GetFullPath(folder)}/{{card.json,model.zip}}");
            if (registry is not null)
            {
                await new ModelRegistry(new StorageAccount(new StorageOptions(registry, null, null))).PublishAsync(trained.Package, ct);
                stdout.WriteLine($"published {card.Name} {card.Version} to the registry (container {ModelRegistry.Container}); enable it with Ml__Models=rule,{card.Name}");
            }

            return 0;
        }
        catch (BacktestInputException ex)
        {
            stderr.WriteLine(ex.Message);
            return BadInput;
        }
        catch (ArgumentException ex)
        {
            stderr.WriteLine($"cannot train on {barsPath}: {ex.Message}");
            return BadInput;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or Azure.RequestFailedException or FormatException)
        {
            stderr.WriteLine($"{ex.GetType().Name}: {ex.Message}");
            return BadInput;
        }
    }

    /// <summary>The report verb's body, callable from tests with any writers.</summary>
    public static async Task<int> ReportAsync(string connection, string? fromText, string? toText, int rollingDays, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        var problems = new List<string>();
        var to = Date("--to", toText, problems) ?? DateOnly.FromDateTime(DateTime.UtcNow);
        var from = Date("--from", fromText, problems) ?? to.AddDays(-30);
        if (rollingDays < 1)
        {
            problems.Add($"--rolling-days must be >= 1, was {rollingDays}");
        }

        if (from > to)
        {
            problems.Add($"--from {from:yyyy-MM-dd} is after --to {to:yyyy-MM-dd}");
        }

        if (problems.Count > 0)
        {
            problems.ForEach(stderr.WriteLine);
            return BadSettings;
        }

        try
        {
            var storage = new StorageAccount(new StorageOptions(connection, null, null), TimeSpan.FromSeconds(5));
            var predictions = await ShadowScoreReport.LoadAsync(new PredictionStore(storage), from, to, ct);
            var cards = await new ModelRegistry(storage).ListCurrentAsync(ct);
            stdout.WriteLine($"shadow models, scored predictions {from:yyyy-MM-dd} .. {to:yyyy-MM-dd} (New York dates); outliers are counted apart, not scored");
            foreach (var card in cards.OrderBy(c => c.Name, StringComparer.Ordinal))
            {
                stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"registry: {card.Name} {card.Version} ({card.Kind}, horizon {card.HorizonMinutes} min, features {card.FeatureSetVersion}{(card.TrainedTo is { } t ? $", trained to {t:yyyy-MM-dd}, expires after {card.MaxAgeDays} days" : "")})"));
            }

            stdout.Write(ShadowScoreReport.Table(predictions, rollingDays));
            return 0;
        }
        catch (Exception ex) when (ex is Azure.RequestFailedException or InvalidDataException or FormatException or ArgumentException or AggregateException)
        {
            stderr.WriteLine($"cannot read the predictions: {ex.Message}");
            return BadInput;
        }
    }

    private static string Describe(ModelCard card, TimeOrderedSplit split, int bars, TimeSpan elapsed)
    {
        var h = card.HeldOut!;
        return string.Create(CultureInfo.InvariantCulture,
            $"""
            trained {card.Name} {card.Version} ({card.Kind}, seed {card.Seed}) on {bars} bars of {string.Join(",", card.Symbols)} in {elapsed.TotalSeconds:F2} s
              features {card.FeatureSetVersion} ({card.FeatureNames.Count}), horizon {card.HorizonMinutes} min
              training {card.TrainedFrom:yyyy-MM-dd HH:mm}Z .. {card.TrainedTo:yyyy-MM-dd HH:mm}Z: {split.Training.Count} examples ({split.Purged} straddling the cut purged)
              held out {card.HeldOutFrom:yyyy-MM-dd HH:mm}Z .. {card.HeldOutTo:yyyy-MM-dd HH:mm}Z: {h.Examples} examples, up rate {h.UpRate:P1}
              held-out: hit rate {h.Scores.HitRate:P2} ({h.Scores.Count} in range, {h.Scores.Outliers} outliers apart), Brier {h.Scores.Brier:F4}, AUC {h.Auc:F4}, log-loss {h.LogLoss:F4}, following {h.Scores.MeanFollowingBps:F2} bps/prediction
            """);
    }

    private static List<string> Symbols(string barsPath, string? list)
    {
        if (!string.IsNullOrWhiteSpace(list))
        {
            return [.. list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(s => s.ToUpperInvariant())];
        }

        if (Directory.Exists(barsPath))
        {
            return [.. Directory.GetFiles(barsPath, "*.csv").Select(f => Path.GetFileNameWithoutExtension(f).ToUpperInvariant()).Order(StringComparer.Ordinal)];
        }

        return [Path.GetFileNameWithoutExtension(barsPath).ToUpperInvariant()];
    }

    private static DateOnly? Date(string option, string? text, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        problems.Add($"{option} must be a date like 2019-02-11, was '{text}'");
        return null;
    }
}
