using MiniQuantDesk.Domain.Research;

namespace MiniQuantDesk.Tests.Domain.Research;

public sealed class ParameterGridTests
{
    [Fact]
    public void Ranges_default_to_step_one_and_take_an_optional_step()
    {
        var (grid, errors) = ParameterGrid.Parse("fast=5..20, slow=20..60:5");

        Assert.Empty(errors);
        Assert.Equal([5m, 6m, 7m, 8m, 9m, 10m, 11m, 12m, 13m, 14m, 15m, 16m, 17m, 18m, 19m, 20m], grid!.Axes[0].Values);
        Assert.Equal([20m, 25m, 30m, 35m, 40m, 45m, 50m, 55m, 60m], grid.Axes[1].Values);
        Assert.Equal(16 * 9, grid.Count);
        Assert.Equal(grid.Count, grid.Points().Count());
    }

    [Fact]
    public void Points_are_the_cartesian_product_first_axis_slowest_with_decimal_steps_and_single_values()
    {
        var (grid, _) = ParameterGrid.Parse("oversold=20..25:2.5,overbought=70");

        Assert.Equal(["oversold=20,overbought=70", "oversold=22.5,overbought=70", "oversold=25,overbought=70"], grid!.Points().Select(p => p.ToString()));
    }

    [Theory]
    [InlineData("fast=20..5", "--grid axis 'fast': from must be <= to, was 20..5")]
    [InlineData("fast=5..x", "--grid axis 'fast': to 'x' is not a number")]
    [InlineData("fast=5..10:0", "--grid axis 'fast': step must be > 0, was 0")]
    [InlineData("fast", "--grid axis 'fast' must look like name=from..to[:step] or name=value")]
    [InlineData("fast=5,fast=6", "--grid names 'fast' twice")]
    [InlineData("", "--grid must name at least one parameter, e.g. fast=5..20,slow=20..60")]
    public void Bad_text_is_refused_naming_the_axis(string text, string error)
    {
        var (grid, errors) = ParameterGrid.Parse(text);

        Assert.Null(grid);
        Assert.Contains(error, errors);
    }

    [Fact]
    public void Unknown_parameters_and_fractional_periods_are_named()
    {
        var (grid, _) = ParameterGrid.Parse("fast=5..6:0.5,speed=1");

        var errors = StrategyParameters.Check(grid!);

        Assert.Contains("--grid axis 'fast' (Strategies:SmaCrossover:Fast) takes whole numbers, was 5.5", errors);
        Assert.Contains(errors, e => e.StartsWith("--grid axis 'speed' is not a parameter; known: fast, slow", StringComparison.Ordinal));
    }

    [Fact]
    public void Applying_a_point_leaves_the_base_options_alone_and_reports_invalid_combinations()
    {
        var baseOptions = new MiniQuantDesk.Domain.Backtest.BacktestOptions();
        var (grid, _) = ParameterGrid.Parse("fast=12,slow=40");

        var (applied, invalid) = StrategyParameters.Apply(baseOptions, grid!.Points().Single());
        var (_, refused) = StrategyParameters.Apply(baseOptions, ParameterGrid.Parse("fast=40,slow=12").Grid!.Points().Single());

        Assert.Null(invalid);
        Assert.Equal((12, 40), (applied!.StrategySettings.SmaCrossover.Fast, applied.StrategySettings.SmaCrossover.Slow));
        Assert.Equal((10, 30), (baseOptions.StrategySettings.SmaCrossover.Fast, baseOptions.StrategySettings.SmaCrossover.Slow));
        Assert.Contains("Strategies:SmaCrossover:Fast must be < Slow, was 40 vs 12", refused, StringComparison.Ordinal);
    }
}
