using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using MiniQuantDesk.Domain.Portfolio;
using MiniQuantDesk.Domain.Strategies;

namespace MiniQuantDesk.Domain.Research;

/// <summary>
/// What the desk trades with: strategy set, symbols and every strategy and portfolio parameter, as canonical
/// JSON (names sorted) and its <see cref="Fingerprint"/> (12 hex digits of its SHA-256). The desk logs it at
/// every start; the paper record counts sessions per fingerprint, and the live gate asks for sessions with the
/// exact fingerprint going live.
/// </summary>
public sealed record DeskConfiguration(IReadOnlyList<string> Strategies, IReadOnlyList<string> Symbols, StrategyOptions StrategySettings, PortfolioOptions Portfolio)
{
    /// <summary>Canonical JSON: the same settings always give the same text.</summary>
    public string Parameters => new JsonObject
    {
        ["strategies"] = new JsonArray([.. Strategies.Order(StringComparer.Ordinal).Select(s => (JsonNode)JsonValue.Create(s)!)]),
        ["symbols"] = new JsonArray([.. Symbols.Order(StringComparer.Ordinal).Select(s => (JsonNode)JsonValue.Create(s)!)]),
        ["strategySettings"] = JsonSerializer.SerializeToNode(StrategySettings, ResearchJsonContext.Default.StrategyOptions),
        ["portfolio"] = JsonSerializer.SerializeToNode(Portfolio, ResearchJsonContext.Default.PortfolioOptions),
    }.ToJsonString();

    public string Fingerprint => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Parameters)))[..12];

    /// <summary>Reads <see cref="Parameters"/> text back; null when it is not such a text.</summary>
    public static DeskConfiguration? FromParameters(string? text)
    {
        try
        {
            if (text is null || JsonNode.Parse(text) is not JsonObject o)
            {
                return null;
            }

            var strategies = o["strategies"]?.AsArray().Select(n => n!.GetValue<string>()).ToList();
            var symbols = o["symbols"]?.AsArray().Select(n => n!.GetValue<string>()).ToList();
            var settings = o["strategySettings"].Deserialize(ResearchJsonContext.Default.StrategyOptions);
            var portfolio = o["portfolio"].Deserialize(ResearchJsonContext.Default.PortfolioOptions);
            return strategies is null || symbols is null || settings is null || portfolio is null ? null : new DeskConfiguration(strategies, symbols, settings, portfolio);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }
}
