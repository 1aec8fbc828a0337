using System.Globalization;

namespace MiniQuantDesk.Domain.Research;

/// <summary>One combination of a grid: a value per axis, in the grid's axis order (printed <c>fast=5,slow=20</c>).</summary>
public sealed record GridPoint(IReadOnlyList<string> Names, IReadOnlyList<decimal> Values)
{
    public decimal this[string name]
    {
        get
        {
            for (var i = 0; i < Names.Count; i++)
            {
                if (string.Equals(Names[i], name, StringComparison.Ordinal))
                {
                    return Values[i];
                }
            }

            throw new KeyNotFoundException($"the grid has no parameter '{name}'");
        }
    }

    public override string ToString() =>
        string.Join(",", Names.Select((n, i) => n + "=" + Values[i].ToString(CultureInfo.InvariantCulture)));
}
