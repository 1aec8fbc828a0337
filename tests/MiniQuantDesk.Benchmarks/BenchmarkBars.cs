using MiniQuantDesk.Domain.MarketData;

namespace MiniQuantDesk.Benchmarks;

/// <summary>The shared 1-minute bars, read from the test fixtures (copies of /work/shared/data/bars/1min) so the benchmark runs on a clone.</summary>
internal static class BenchmarkBars
{
    public static readonly string[] Symbols = ["SPY", "QQQ", "AAPL", "MSFT", "TSLA", "AMZN"];

    public static string PathOf(string symbol)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var fixtures = Path.Combine(dir.FullName, "tests", "MiniQuantDesk.Tests", "Fixtures");
            if (Directory.Exists(fixtures))
            {
                var first = Path.Combine(fixtures, "bars", "1min", symbol + ".csv");
                return File.Exists(first) ? first : Path.Combine(fixtures, "backtest", "bars", "1min", symbol + ".csv");
            }
        }

        throw new FileNotFoundException("run from inside the repository: tests/MiniQuantDesk.Tests/Fixtures not found");
    }

    public static IReadOnlyList<Bar> Read(string symbol)
    {
        using var reader = new StreamReader(PathOf(symbol));
        var result = BarCsvReader.Read(reader, symbol);
        return result.IsSuccess ? result.Bars : throw new InvalidDataException($"{symbol}: {result.Error}");
    }
}
