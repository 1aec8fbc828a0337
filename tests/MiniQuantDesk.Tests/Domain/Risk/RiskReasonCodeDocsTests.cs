using System.Text;
using MiniQuantDesk.Domain.Risk;

namespace MiniQuantDesk.Tests.Domain.Risk;

/// <summary>The reason-code table in docs/risk.md is generated from the code, so the docs cannot drift.</summary>
public sealed class RiskReasonCodeDocsTests
{
    internal static string Table()
    {
        var table = new StringBuilder();
        table.Append("| Code | Meaning |\n");
        table.Append("|---|---|\n");
        foreach (var code in RiskReasonCodes.All)
        {
            table.Append("| `").Append(code).Append("` | ").Append(RiskReasonCodes.Meaning(code)).Append(" |\n");
        }

        return table.ToString();
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MiniQuantDesk.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"no MiniQuantDesk.slnx above {AppContext.BaseDirectory}");
    }

    [Fact]
    public void Docs_contain_the_reason_code_table_exactly()
    {
        var docs = File.ReadAllText(Path.Combine(RepoRoot(), "docs", "risk.md")).ReplaceLineEndings("\n");
        var table = Table();
        Assert.True(docs.Contains(table, StringComparison.Ordinal), "docs/risk.md lacks the current reason-code table; paste:\n" + table);
    }

    [Fact]
    public void Every_code_has_its_own_meaning()
    {
        var meanings = RiskReasonCodes.All.Select(RiskReasonCodes.Meaning).ToList();
        Assert.DoesNotContain("Unknown reason code.", meanings);
        Assert.Equal(meanings.Count, meanings.Distinct().Count());
    }
}
