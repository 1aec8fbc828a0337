using MiniQuantDesk.Domain.MarketData;

namespace MiniQuantDesk.Adapters.Backtest;

/// <summary>
/// Reads the bars of a backtest in the shared schema. <c>path</c> is one CSV file (then exactly one symbol)
/// or a folder holding <c>&lt;SYMBOL&gt;.csv</c> per symbol. Any problem throws
/// <see cref="BacktestInputException"/> naming the file and, for a malformed row, its line and field.
/// </summary>
public static class BacktestBarFiles
{
    public static IReadOnlyList<Bar> Read(string path, IReadOnlyList<string> symbols)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(symbols);
        if (symbols.Count == 0)
        {
            throw new BacktestInputException("name at least one symbol (--symbols SPY)");
        }

        if (File.Exists(path))
        {
            if (symbols.Count != 1)
            {
                throw new BacktestInputException($"--bars {path} is one file, so give exactly one symbol (got {string.Join(",", symbols)}); for several symbols pass a folder with <SYMBOL>.csv files");
            }

            return ReadFile(path, symbols[0]);
        }

        if (!Directory.Exists(path))
        {
            throw new BacktestInputException($"--bars {path}: no such file or folder");
        }

        var bars = new List<Bar>();
        foreach (var symbol in symbols)
        {
            var file = Path.Combine(path, symbol + ".csv");
            if (!File.Exists(file))
            {
                throw new BacktestInputException($"--bars {path}: no bar file {symbol}.csv for symbol {symbol}");
            }

            bars.AddRange(ReadFile(file, symbol));
        }

        return bars;
    }

    private static IReadOnlyList<Bar> ReadFile(string file, string symbol)
    {
        BarCsvResult result;
        try
        {
            using var reader = new StreamReader(file);
            result = BarCsvReader.Read(reader, symbol);
        }
        catch (IOException ex)
        {
            throw new BacktestInputException($"{file}: cannot be read ({ex.Message})");
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new BacktestInputException($"{file}: cannot be read ({ex.Message})");
        }

        if (result.Error is { } error)
        {
            throw new BacktestInputException($"{file}: {error}");
        }

        return result.Bars;
    }
}
