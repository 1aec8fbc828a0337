using MiniQuantDesk.Domain.MarketData;

namespace MiniQuantDesk.Tests.Domain.MarketData;

public sealed class BarCsvReaderTests
{
    private const string Header = "timestamp_utc,open,high,low,close,volume\n";

    [Theory]
    [InlineData("2019-02-11T14:30:00Z,271.19,abc,271.07,271.34,1488804", 2, "high", "'abc' is not a decimal number")]
    [InlineData("2019-02-11T14:30:00Z,271.19,271.34,271.07,271.34", 2, "volume", "expected 6 fields, found 5")]
    [InlineData("2019-02-11T14:30:00Z,271.19,271.34,271.07,271.34,1,9", 2, "(extra)", "expected 6 fields, found 7")]
    [InlineData("2019-02-11T14:30:00Z,NaN,271.34,271.07,271.34,1488804", 2, "open", "'NaN' is not a finite number")]
    [InlineData("2019-02-11T14:30:00Z,271.19,271.34,-Infinity,271.34,1488804", 2, "low", "'-Infinity' is not a finite number")]
    [InlineData("2019-02-11T14:30:00Z,271.19,271.34,271.07,inf,1488804", 2, "close", "'inf' is not a finite number")]
    [InlineData("2019-02-11 14:30:00,271.19,271.34,271.07,271.34,1488804", 2, "timestamp_utc", "'2019-02-11 14:30:00' is not an ISO-8601 UTC timestamp like 2019-02-11T14:30:00Z")]
    [InlineData("2019-02-31T14:30:00Z,271.19,271.34,271.07,271.34,1488804", 2, "timestamp_utc", "'2019-02-31T14:30:00Z' is not an ISO-8601 UTC timestamp like 2019-02-11T14:30:00Z")]
    [InlineData("2019-02-11T14:30:00Z,271.19,271.34,271.07,271.34,12.5", 2, "volume", "'12.5' is not a whole number of shares")]
    [InlineData("2019-02-11T14:30:00Z,271.19,,271.07,271.34,1488804", 2, "high", "is empty")]
    public void A_malformed_line_is_refused_naming_line_and_field(string line, int expectedLine, string field, string problem)
    {
        var result = BarCsvReader.Parse(Header + line + "\n", "SPY");

        Assert.False(result.IsSuccess);
        Assert.Equal(new BarCsvError(expectedLine, field, problem), result.Error);
        Assert.Empty(result.Bars);
    }

    [Fact]
    public void The_error_names_the_right_line_and_nothing_partial_is_returned()
    {
        var text = Header
            + "2019-02-11T14:30:00Z,271.19,271.34,271.07,271.34,1488804\n"
            + "\n"
            + "2019-02-11T14:31:00Z,271.34,271.40,271.30,271.35,250000\n"
            + "2019-02-11T14:32:00Z,271.35,271.40,271.30,Infinity,250000\n";

        var result = BarCsvReader.Parse(text, "SPY");

        Assert.Equal("line 5, field close: 'Infinity' is not a finite number", result.Error!.ToString());
        Assert.Empty(result.Bars);
    }

    [Fact]
    public void A_wrong_header_is_refused_on_line_1()
    {
        var result = BarCsvReader.Parse("time,open,high,low,close,volume\n", "SPY");

        Assert.Equal(1, result.Error!.Line);
        Assert.Equal("header", result.Error.Field);
    }

    [Fact]
    public void Descending_rows_come_out_ascending_and_duplicates_keep_the_last_row()
    {
        var text = Header
            + "2019-02-11T14:32:00Z,3,3,3,3,3\n"
            + "2019-02-11T14:31:00Z,2,2,2,2,2\n"
            + "2019-02-11T14:30:00Z,1,1,1,1,1\n"
            + "2019-02-11T14:31:00Z,2.5,2.5,2.5,2.5,25\n";

        var bars = BarCsvReader.Parse(text, "SPY").Bars;

        Assert.Equal([1m, 2.5m, 3m], bars.Select(b => b.Close));
        Assert.Equal([1L, 25L, 3L], bars.Select(b => b.Volume));
        Assert.Equal(new DateTimeOffset(2019, 2, 11, 14, 30, 0, TimeSpan.Zero), bars[0].Start);
        Assert.All(bars, b => Assert.Equal("SPY", b.Symbol));
    }

    [Fact]
    public void Prices_are_parsed_verbatim_as_decimal()
    {
        var text = Header + "2019-01-02T05:00:00Z,621.3499755859375,621.4,275.0367,129.60000610351562,126925200\n";

        var bar = BarCsvReader.Parse(text, "SPY").Bars.Single();

        Assert.Equal(621.3499755859375m, bar.Open);
        Assert.Equal(275.0367m, bar.Low);
        Assert.Equal(129.60000610351562m, bar.Close);
        Assert.Equal(126925200L, bar.Volume);
    }

    [Fact]
    public void The_shared_descending_source_order_is_not_assumed_and_the_real_files_read()
    {
        var bars = Fixture.Bars("1min/SPY.csv", "SPY");

        Assert.Equal(1950, bars.Count);
        Assert.Equal(new DateTimeOffset(2019, 2, 11, 14, 30, 0, TimeSpan.Zero), bars[0].Start);
        Assert.Equal(271.19m, bars[0].Open);
        Assert.Equal(1488804L, bars[0].Volume);
    }
}
