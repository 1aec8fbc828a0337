using System.Text.Json.Serialization;
using MiniQuantDesk.Domain.Portfolio;
using MiniQuantDesk.Domain.Strategies;

namespace MiniQuantDesk.Domain.Research;

/// <summary>Source-generated JSON for the settings a <see cref="DeskConfiguration"/> carries (no reflection: trimming and AOT stay possible).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(StrategyOptions))]
[JsonSerializable(typeof(PortfolioOptions))]
internal sealed partial class ResearchJsonContext : JsonSerializerContext;
