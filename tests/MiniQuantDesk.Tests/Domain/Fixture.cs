using MiniQuantDesk.Domain.MarketData;

namespace MiniQuantDesk.Tests.Domain;

/// <summary>Reads copies under Fixtures/ (never /work/shared: the tests run on a clone without it).</summary>
internal static class Fixture
{
    public static string PathOf(string relative) => Path.Combine(AppContext.BaseDirectory, "Fixtures", relative);

    public static IReadOnlyList<Bar> Bars(string relative, string symbol)
    {
        using var reader = new StreamReader(PathOf(Path.Combine("bars", relative)));
        var result = BarCsvReader.Read(reader, symbol);
        Assert.True(result.IsSuccess, $"{relative}: {result.Error}");
        return result.Bars;
    }
}
