using System.Globalization;

namespace MiniQuantDesk.Domain.MarketData;

/// <summary>
/// Reads the shared bar schema <c>timestamp_utc,open,high,low,close,volume</c> (ISO-8601 UTC ending in Z,
/// bar-start labelled; decimal prices kept verbatim; whole-share volume). Pure: the caller opens the file.
/// Rows may come in any order (some sources are newest-first): the result is ascending, and of rows with
/// the same timestamp the LAST in file order wins. Any bad line refuses the whole input (nothing partial),
/// naming the line and field. OHLC sanity is the <see cref="BarValidator"/>'s job, not the reader's.
/// </summary>
public static class BarCsvReader
{
    public const string Header = "timestamp_utc,open,high,low,close,volume";

    private static readonly string[] FieldNames = ["timestamp_utc", "open", "high", "low", "close", "volume"];

    private static readonly string[] TimestampFormats = ["yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'"];

    public static BarCsvResult Parse(string text, string symbol)
    {
        ArgumentNullException.ThrowIfNull(text);
        using var reader = new StringReader(text);
        return Read(reader, symbol);
    }

    public static BarCsvResult Read(TextReader reader, string symbol)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentException.ThrowIfNullOrWhiteSpace(symbol);

        var header = reader.ReadLine();
        if (header is null || !string.Equals(header.TrimStart('\uFEFF').Trim(), Header, StringComparison.Ordinal))
        {
            return Fail(1, "header", $"expected '{Header}', found '{header ?? "(empty input)"}'");
        }

        var rows = new List<Bar>();
        var lineNumber = 1;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Trim().Length == 0)
            {
                continue;
            }

            var error = TryParseRow(line, lineNumber, symbol, out var bar);
            if (error is not null)
            {
                return new BarCsvResult([], error);
            }

            rows.Add(bar);
        }

        return new BarCsvResult(SortKeepingLast(rows), null);
    }

    private static BarCsvError? TryParseRow(string line, int lineNumber, string symbol, out Bar bar)
    {
        bar = default;
        var fields = line.Split(',');
        if (fields.Length != FieldNames.Length)
        {
            var missing = fields.Length < FieldNames.Length ? FieldNames[fields.Length] : "(extra)";
            return new BarCsvError(lineNumber, missing, $"expected {FieldNames.Length} fields, found {fields.Length}");
        }

        if (!DateTimeOffset.TryParseExact(fields[0].Trim(), TimestampFormats, CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var start))
        {
            return new BarCsvError(lineNumber, FieldNames[0], $"'{fields[0]}' is not an ISO-8601 UTC timestamp like 2019-02-11T14:30:00Z");
        }

        Span<decimal> prices = stackalloc decimal[4];
        for (var i = 0; i < 4; i++)
        {
            if (!PriceText.TryParse(fields[i + 1], out prices[i], out var problem))
            {
                return new BarCsvError(lineNumber, FieldNames[i + 1], problem!);
            }
        }

        if (!long.TryParse(fields[5].Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var volume))
        {
            return new BarCsvError(lineNumber, FieldNames[5], $"'{fields[5].Trim()}' is not a whole number of shares");
        }

        bar = new Bar(symbol, start, prices[0], prices[1], prices[2], prices[3], volume);
        return null;
    }

    private static List<Bar> SortKeepingLast(List<Bar> rows)
    {
        // Stable sort by start (file position breaks ties), then keep the last row of each timestamp.
        var order = Enumerable.Range(0, rows.Count).ToArray();
        Array.Sort(order, (a, b) =>
        {
            var byTime = rows[a].Start.UtcTicks.CompareTo(rows[b].Start.UtcTicks);
            return byTime != 0 ? byTime : a.CompareTo(b);
        });

        var result = new List<Bar>(rows.Count);
        for (var i = 0; i < order.Length; i++)
        {
            var isLastOfItsTime = i + 1 == order.Length || rows[order[i + 1]].Start != rows[order[i]].Start;
            if (isLastOfItsTime)
            {
                result.Add(rows[order[i]]);
            }
        }

        return result;
    }

    private static BarCsvResult Fail(int line, string field, string problem) => new([], new BarCsvError(line, field, problem));
}
