using System.Text;
using MiniQuantDesk.Domain.Orders;

namespace MiniQuantDesk.Tests.Domain.Orders;

/// <summary>
/// docs/orders.md carries the transition table rendered from the code's table. When the table changes,
/// this fails and writes the new block to orders-table.expected.md in the test output folder: paste it
/// over the block between the markers.
/// </summary>
public sealed class OrderTransitionDocsTests
{
    [Fact]
    public void Docs_hold_the_transition_table_exactly_as_the_code_has_it()
    {
        var expected = Render();
        var docs = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "orders.md")).ReplaceLineEndings("\n");

        if (!docs.Contains(expected, StringComparison.Ordinal))
        {
            var written = Path.Combine(AppContext.BaseDirectory, "orders-table.expected.md");
            File.WriteAllText(written, expected);
            Assert.Fail($"docs/orders.md does not hold the current transition table; the expected block is in {written}");
        }
    }

    internal static string Render()
    {
        var text = new StringBuilder();
        text.Append("<!-- BEGIN generated transition table (OrderTransitionDocsTests) -->\n");
        text.Append("| From | On | To | Why |\n|---|---|---|---|\n");
        foreach (var row in OrderTransitionTable.Rows)
        {
            var to = row.To.Kind switch
            {
                OrderTransitionTargetKind.Status => row.To.Status.ToString(),
                OrderTransitionTargetKind.Unchanged => "(unchanged)",
                _ => "(the reported status)",
            };
            text.Append($"| {row.From.Name} | {row.On.Name} | {to} | {row.Why} |\n");
        }

        text.Append("\n| Group | Members |\n|---|---|\n");
        foreach (var (name, members) in Groups())
        {
            text.Append($"| {name} | {members} |\n");
        }

        text.Append("\n| Status | Alpaca name | Terminal |\n|---|---|---|\n");
        foreach (var status in Enum.GetValues<OrderStatus>())
        {
            var wire = AlpacaOrderStatus.WireName(status) is { } name ? $"`{name}`" : "(desk only)";
            text.Append($"| {status} | {wire} | {(OrderTransitionTable.IsTerminal(status) ? "yes" : "no")} |\n");
        }

        text.Append("<!-- END generated transition table -->\n");
        return text.ToString();
    }

    private static IEnumerable<(string Name, string Members)> Groups()
    {
        var statusSets = OrderTransitionTable.Rows.Select(r => r.From).Where(s => s.Members.Length > 1)
            .Select(s => (s.Name, string.Join(", ", s.Members)));
        var eventSets = OrderTransitionTable.Rows.Select(r => r.On).Where(s => s.Members.Length > 1)
            .Select(s => (s.Name, string.Join(", ", s.Members)));
        return statusSets.Concat(eventSets).Distinct();
    }

    internal static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "MiniQuantDesk.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"no MiniQuantDesk.slnx above {AppContext.BaseDirectory}");
    }
}
