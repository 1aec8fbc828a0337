using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using MiniQuantDesk.Adapters.Ml;
using MiniQuantDesk.Domain.Ml;

namespace MiniQuantDesk.Functions.Ml;

/// <summary>
/// The enabled models, loaded from the registry and kept in memory. Each model's version pointer is re-read
/// at most once a minute (real time), so a newly published version is picked up without a restart. The rule
/// model is built in; its card is published once so the registry lists it with the others. A model that is
/// missing or cannot be loaded is logged and left out (again after a minute); the others still predict.
/// </summary>
public sealed class ShadowModelCatalog(ModelRegistry registry, ILogger<ShadowModelCatalog> log)
{
    private static readonly TimeSpan Refresh = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private readonly RuleModel _rule = new(FeatureSetDefinition.Default);
    private int _rulePublished;

    public async Task<IReadOnlyList<IShadowModel>> ModelsAsync(IReadOnlyList<string> names, CancellationToken ct)
    {
        var models = new List<IShadowModel>(names.Count);
        foreach (var name in names)
        {
            if (name == RuleModel.DefaultName)
            {
                await PublishRuleOnceAsync(ct);
                models.Add(_rule);
            }
            else if (await TrainedAsync(name, ct) is { } model)
            {
                models.Add(model);
            }
        }

        return models;
    }

    private async Task<IShadowModel?> TrainedAsync(string name, CancellationToken ct)
    {
        if (_entries.TryGetValue(name, out var entry) && Stopwatch.GetElapsedTime(entry.CheckedAt) < Refresh)
        {
            return entry.Model;
        }

        IShadowModel? model = null;
        try
        {
            var version = await registry.CurrentVersionAsync(name, ct);
            if (version is null)
            {
                log.LogWarning("Shadow model {Model} is enabled (Ml:Models) but not in the registry: skipped", name);
            }
            else if (entry?.Model is { } loaded && loaded.Card.Version == version)
            {
                model = loaded;
            }
            else if (await registry.GetCurrentAsync(name, ct) is { Model: { } bytes } package)
            {
                model = new MlNetModel(package.Card, bytes);
                log.LogInformation("Shadow model {Model} {Version} loaded ({Kind}, horizon {Horizon} min, trained to {TrainedTo:yyyy-MM-dd})", name, package.Card.Version, package.Card.Kind, package.Card.HorizonMinutes, package.Card.TrainedTo);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            log.LogError("Shadow model {Model} cannot be loaded, skipped: {Error}", name, ex.Message);
        }

        if (entry?.Model is IDisposable old && !ReferenceEquals(old, model))
        {
            old.Dispose();
        }

        _entries[name] = new Entry(model, Stopwatch.GetTimestamp());
        return model;
    }

    private async Task PublishRuleOnceAsync(CancellationToken ct)
    {
        if (Interlocked.Exchange(ref _rulePublished, 1) == 1)
        {
            return;
        }

        try
        {
            if (await registry.CurrentVersionAsync(_rule.Card.Name, ct) != _rule.Card.Version)
            {
                await registry.PublishAsync(new ModelPackage(_rule.Card, null), ct);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            log.LogWarning("The rule model's card could not be published to the registry (it predicts anyway): {Error}", ex.Message);
        }
    }

    private sealed record Entry(IShadowModel? Model, long CheckedAt);
}
