using MiniQuantDesk.Domain.Strategies;

namespace MiniQuantDesk.Tests.Domain.Strategies;

public sealed class StrategyOptionsTests
{
    [Fact]
    public void Defaults_are_valid() => Assert.Empty(new StrategyOptions().Validate());

    [Fact]
    public void Every_bad_setting_is_named()
    {
        var options = new StrategyOptions
        {
            SmaCrossover = new SmaCrossoverOptions { Fast = 30, Slow = 10 },
            RsiMeanReversion = new RsiMeanReversionOptions { Oversold = 70, Overbought = 30 },
            BollingerReversion = new BollingerReversionOptions { Exit = (BollingerExit)7 },
            VwapReversion = new VwapReversionOptions { EntryDeviationPct = 0 },
        };

        Assert.Equal(
            [
                "Strategies:SmaCrossover:Fast must be < Slow, was 30 vs 10",
                "Strategies:RsiMeanReversion:Oversold must be < Overbought, was 70 vs 30",
                "Strategies:BollingerReversion:Exit must be Middle or Upper, was 7",
                "Strategies:VwapReversion:EntryDeviationPct must be > 0 and < 50, was 0",
            ],
            options.Validate());
    }

    [Theory]
    [InlineData(0, 70, "Strategies:RsiMeanReversion:Oversold must be > 0 and < 100, was 0")]
    [InlineData(30, 100, "Strategies:RsiMeanReversion:Overbought must be > 0 and < 100, was 100")]
    [InlineData(double.NaN, 70, "Strategies:RsiMeanReversion:Oversold must be > 0 and < 100, was NaN")]
    public void Rsi_levels_must_be_inside_0_100(double oversold, double overbought, string message) =>
        Assert.Contains(message, new RsiMeanReversionOptions { Oversold = oversold, Overbought = overbought }.Validate());

    [Fact]
    public void The_catalog_creates_each_strategy_by_name_and_refuses_an_unknown_one()
    {
        foreach (var name in StrategyCatalog.Names)
        {
            var strategy = StrategyCatalog.Create(name, "SPY", new StrategyOptions());
            Assert.Equal(name, strategy.Name);
            Assert.Equal("SPY", strategy.Symbol);
        }

        var ex = Assert.Throws<ArgumentException>(() => StrategyCatalog.Create("macd-magic", "SPY", new StrategyOptions()));
        Assert.Contains("unknown strategy 'macd-magic'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("sma-crossover", ex.Message, StringComparison.Ordinal);
    }
}
