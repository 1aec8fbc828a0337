using System.Globalization;

namespace MiniQuantDesk.Domain.Research;

/// <summary>
/// A parameter grid from text: comma-separated axes, each <c>name=from..to</c> (step 1), <c>name=from..to:step</c>
/// or <c>name=value</c>; e.g. <c>fast=5..20,slow=20..60:5</c>. Values are decimals, so <c>oversold=20..35:2.5</c>
/// works. <see cref="Points"/> is the cartesian product, the first axis varying slowest.
/// </summary>
public sealed class ParameterGrid
{
    /// <summary>More points than this is almost surely a typo (a step forgotten on a wide range).</summary>
    public const int MaxPoints = 1_000_000;

    private ParameterGrid(IReadOnlyList<GridAxis> axes) => Axes = axes;

    public IReadOnlyList<GridAxis> Axes { get; }

    public int Count => Axes.Aggregate(1, (n, a) => n * a.Values.Count);

    /// <summary>The grid, or every problem with the text, each naming the axis.</summary>
    public static (ParameterGrid? Grid, IReadOnlyList<string> Errors) Parse(string? text)
    {
        var errors = new List<string>();
        var axes = new List<GridAxis>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return (null, ["--grid must name at least one parameter, e.g. fast=5..20,slow=20..60"]);
        }

        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries))
        {
            var axis = ParseAxis(part, errors);
            if (axis is null)
            {
                continue;
            }

            if (axes.Any(a => string.Equals(a.Name, axis.Name, StringComparison.Ordinal)))
            {
                errors.Add($"--grid names '{axis.Name}' twice");
                continue;
            }

            axes.Add(axis);
        }

        if (errors.Count == 0 && axes.Aggregate(1L, (n, a) => Math.Min(n * a.Values.Count, MaxPoints + 1L)) > MaxPoints)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"--grid has more than {MaxPoints} points; use a step (fast=5..200:5)"));
        }

        return errors.Count > 0 ? (null, errors) : (new ParameterGrid(axes), []);
    }

    public IEnumerable<GridPoint> Points()
    {
        var names = Axes.Select(a => a.Name).ToArray();
        var index = new int[Axes.Count];
        for (var n = 0; n < Count; n++)
        {
            yield return new GridPoint(names, [.. Axes.Select((a, i) => a.Values[index[i]])]);
            for (var i = Axes.Count - 1; i >= 0; i--)
            {
                if (++index[i] < Axes[i].Values.Count)
                {
                    break;
                }

                index[i] = 0;
            }
        }
    }

    private static GridAxis? ParseAxis(string part, List<string> errors)
    {
        var eq = part.IndexOf('=', StringComparison.Ordinal);
        if (eq <= 0)
        {
            errors.Add($"--grid axis '{part}' must look like name=from..to[:step] or name=value");
            return null;
        }

        var name = part[..eq].Trim().ToLowerInvariant();
        var spec = part[(eq + 1)..].Trim();
        var range = spec.Split("..", StringSplitOptions.TrimEntries);
        if (range.Length == 1)
        {
            return Number(name, "value", spec, errors) is { } single ? new GridAxis(name, [Normal(single)]) : null;
        }

        if (range.Length != 2)
        {
            errors.Add($"--grid axis '{name}': '{spec}' must be from..to[:step]");
            return null;
        }

        var toAndStep = range[1].Split(':', StringSplitOptions.TrimEntries);
        var from = Number(name, "from", range[0], errors);
        var to = Number(name, "to", toAndStep[0], errors);
        var step = toAndStep.Length switch
        {
            1 => 1m,
            2 => Number(name, "step", toAndStep[1], errors),
            _ => null,
        };
        if (toAndStep.Length > 2)
        {
            errors.Add($"--grid axis '{name}': '{spec}' has more than one step");
        }

        if (from is not { } f || to is not { } t || step is not { } s)
        {
            return null;
        }

        if (s <= 0m)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"--grid axis '{name}': step must be > 0, was {s}"));
            return null;
        }

        if (f > t)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"--grid axis '{name}': from must be <= to, was {f}..{t}"));
            return null;
        }

        if ((t - f) / s >= MaxPoints)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"--grid axis '{name}': {f}..{t}:{s} has more than {MaxPoints} values"));
            return null;
        }

        var values = new List<decimal>();
        for (var v = f; v <= t; v += s)
        {
            values.Add(Normal(v));
        }

        return new GridAxis(name, values);
    }

    /// <summary>25.0 and 25 are the same value; print it as 25.</summary>
    private static decimal Normal(decimal value) => value / 1.000000000000000000000000000000000m;

    private static decimal? Number(string axis, string field, string text, List<string> errors)
    {
        if (decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        errors.Add($"--grid axis '{axis}': {field} '{text}' is not a number");
        return null;
    }
}
