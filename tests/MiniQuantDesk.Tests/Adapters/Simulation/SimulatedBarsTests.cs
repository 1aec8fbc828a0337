using System.Text.Json;
using MiniQuantDesk.Adapters.Alpaca.Requests;

namespace MiniQuantDesk.Tests.Adapters.Simulation;

public sealed class SimulatedBarsTests
{
    private static readonly DateTimeOffset SessionEnd = new(2019, 2, 12, 21, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Bars_page_through_exactly_the_completed_bundled_bars()
    {
        await using var sim = await SimHarness.StartAsync();
        sim.MarketAt(SimHarness.Minutes(12)); // 09:42:00 ET: the 09:30 … 09:41 bars have completed

        var bars = await sim.Data.GetBarsAsync(new AlpacaBarsRequest
        {
            Symbols = ["SPY", "AAPL"],
            Start = SimHarness.Open,
            End = SessionEnd, // asking for the future returns nothing beyond now
            Limit = 5,
        });

        Assert.Equal(["AAPL", "SPY"], bars.Keys.Order());
        foreach (var symbol in new[] { "SPY", "AAPL" })
        {
            var expected = SimHarness.FixtureBars(symbol).Take(12).ToList();
            Assert.Equal(expected, bars[symbol].Select(b => b.ToBar(symbol)));
        }
    }

    [Fact]
    public async Task A_bar_appears_only_once_its_minute_has_completed()
    {
        await using var sim = await SimHarness.StartAsync();

        sim.MarketAt(SimHarness.Minutes(12) - TimeSpan.FromMilliseconds(1));
        var before = await sim.Data.GetBarsAsync(new AlpacaBarsRequest { Symbols = ["SPY"], Start = SimHarness.Open, End = SessionEnd });
        sim.MarketAt(SimHarness.Minutes(12));
        var after = await sim.Data.GetBarsAsync(new AlpacaBarsRequest { Symbols = ["SPY"], Start = SimHarness.Open, End = SessionEnd });

        Assert.Equal(11, before["SPY"].Count);
        Assert.Equal(new DateTimeOffset(2019, 2, 12, 14, 40, 0, TimeSpan.Zero), before["SPY"][^1].Start);
        Assert.Equal(12, after["SPY"].Count);
        Assert.Equal(new DateTimeOffset(2019, 2, 12, 14, 41, 0, TimeSpan.Zero), after["SPY"][^1].Start);
    }

    [Fact]
    public async Task Before_the_first_bar_completes_there_are_no_bars_at_all()
    {
        await using var sim = await SimHarness.StartAsync();
        sim.MarketAt(TimeSpan.FromSeconds(59));

        var bars = await sim.Data.GetBarsAsync(new AlpacaBarsRequest { Symbols = ["SPY", "QQQ", "AAPL"], Start = SimHarness.Open });

        Assert.Empty(bars);
    }

    [Fact]
    public async Task The_limit_counts_bars_across_symbols_and_the_token_continues_the_next_page()
    {
        await using var sim = await SimHarness.StartAsync();
        sim.MarketAt(SimHarness.Minutes(3)); // 3 completed bars per symbol

        using var first = JsonDocument.Parse(await sim.Raw.GetStringAsync("v2/stocks/bars?symbols=SPY,AAPL&timeframe=1Min&start=2019-02-12T14:30:00Z&limit=4"));
        var token = first.RootElement.GetProperty("next_page_token").GetString();
        using var second = JsonDocument.Parse(await sim.Raw.GetStringAsync($"v2/stocks/bars?symbols=SPY,AAPL&timeframe=1Min&start=2019-02-12T14:30:00Z&limit=4&page_token={token}"));

        // Sorted by symbol then time: page 1 = AAPL ×3 + SPY 14:30; page 2 = SPY 14:31, 14:32 and no token.
        var page1 = first.RootElement.GetProperty("bars");
        Assert.Equal(3, page1.GetProperty("AAPL").GetArrayLength());
        Assert.Equal("2019-02-12T14:30:00Z", page1.GetProperty("SPY")[0].GetProperty("t").GetString());
        Assert.Equal(JsonValueKind.Number, page1.GetProperty("SPY")[0].GetProperty("o").ValueKind);
        Assert.Equal(272.42m, page1.GetProperty("SPY")[0].GetProperty("o").GetDecimal());
        var page2 = second.RootElement.GetProperty("bars");
        Assert.False(page2.TryGetProperty("AAPL", out _));
        Assert.Equal(["2019-02-12T14:31:00Z", "2019-02-12T14:32:00Z"], page2.GetProperty("SPY").EnumerateArray().Select(b => b.GetProperty("t").GetString()));
        Assert.Equal(JsonValueKind.Null, second.RootElement.GetProperty("next_page_token").ValueKind);
    }

    [Fact]
    public async Task Latest_quote_is_the_last_completed_close()
    {
        await using var sim = await SimHarness.StartAsync();
        sim.MarketAt(SimHarness.Minutes(2.5)); // 09:32:30: the 09:31 bar is the last completed one

        var quotes = await sim.Data.GetLatestQuotesAsync(["SPY", "AAPL"]);

        // Fixture rows 2019-02-12T14:31:00Z: SPY close 272.37, AAPL close 169.87.
        Assert.Equal(272.37m, quotes["SPY"].AskPrice);
        Assert.Equal(272.37m, quotes["SPY"].BidPrice);
        Assert.Equal(169.87m, quotes["AAPL"].BidPrice);
        Assert.Equal(new DateTimeOffset(2019, 2, 12, 14, 32, 0, TimeSpan.Zero), quotes["SPY"].Timestamp);
    }

    [Fact]
    public async Task Bars_from_a_csv_folder_replace_the_bundled_session()
    {
        var folder = Directory.CreateTempSubdirectory("simbars");
        try
        {
            await File.WriteAllTextAsync(Path.Combine(folder.FullName, "XYZ_2019-02-12.csv"),
                "timestamp_utc,open,high,low,close,volume\n2019-02-12T14:30:00Z,10,11,9,10.5,1000\n2019-02-12T14:31:00Z,10.5,12,10,11.25,2000\n");
            await using var sim = await SimHarness.StartAsync(o => o.BarsPath = folder.FullName);
            sim.MarketAt(SimHarness.Minutes(2));

            var bars = await sim.Data.GetBarsAsync(new AlpacaBarsRequest { Symbols = ["XYZ", "SPY"], Start = SimHarness.Open });

            Assert.Equal(["XYZ"], sim.Market.Symbols);
            Assert.Equal([10.5m, 11.25m], bars["XYZ"].Select(b => b.Close));
            Assert.False(bars.ContainsKey("SPY"));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
