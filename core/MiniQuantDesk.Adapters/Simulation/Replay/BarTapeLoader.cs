using MiniQuantDesk.Domain.MarketData;

namespace MiniQuantDesk.Adapters.Simulation.Replay;

/// <summary>
/// Where the replayed bars come from: the session bundled with the adapter (embedded resources
/// <c>Simulation.Data.&lt;SYMBOL&gt;.csv</c>, see <c>Data/SOURCE.md</c>), or a CSV file / folder in the shared bar schema.
/// </summary>
internal static class BarTapeLoader
{
    private const string ResourcePrefix = "Simulation.Data.";

    public static BarTape Load(string? path) => path is null ? Bundled() : FromPath(path);

    public static BarTape Bundled()
    {
        var assembly = typeof(BarTapeLoader).Assembly;
        var result = new Dictionary<string, IReadOnlyList<Bar>>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".csv", StringComparison.Ordinal)))
        {
            var symbol = name[ResourcePrefix.Length..^".csv".Length];
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            result[symbol] = ReadOrThrow(reader, symbol, name);
        }

        return new BarTape(result);
    }

    public static BarTape FromPath(string path)
    {
        var files = Directory.Exists(path)
            ? Directory.GetFiles(path, "*.csv").Order(StringComparer.Ordinal).ToArray()
            : File.Exists(path) ? [path] : throw new FileNotFoundException($"Simulation:BarsPath '{path}' is neither a file nor a folder", path);
        if (files.Length == 0)
        {
            throw new InvalidDataException($"Simulation:BarsPath '{path}' holds no .csv file");
        }

        var merged = new Dictionary<string, SortedDictionary<long, Bar>>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var symbol = SymbolOf(file);
            using var reader = new StreamReader(file);
            if (!merged.TryGetValue(symbol, out var byStart))
            {
                merged[symbol] = byStart = [];
            }

            foreach (var bar in ReadOrThrow(reader, symbol, file))
            {
                byStart[bar.Start.UtcTicks] = bar; // a later file wins on a repeated minute, as the reader does within a file
            }
        }

        return new BarTape(merged.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<Bar>)[.. kv.Value.Values], StringComparer.Ordinal));
    }

    /// <summary>The symbol of a bar file: its name up to the first '_' or '.' (<c>SPY_2019-02-12.csv</c> → SPY).</summary>
    public static string SymbolOf(string file)
    {
        var name = Path.GetFileName(file);
        var end = name.IndexOfAny(['_', '.']);
        return end <= 0 ? name : name[..end];
    }

    private static IReadOnlyList<Bar> ReadOrThrow(TextReader reader, string symbol, string source)
    {
        var result = BarCsvReader.Read(reader, symbol);
        return result.Error is { } error
            ? throw new InvalidDataException($"bars of {symbol} in {source}: {error}")
            : result.Bars;
    }
}
