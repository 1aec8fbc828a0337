using System.Reflection;
using MiniQuantDesk.Domain.MarketData;

namespace MiniQuantDesk.Tests.Architecture;

/// <summary>
/// Dependencies point one way: functions → adapters → domain. The domain's compiled references are
/// read back here, so a project reference or a package slipped into the domain fails the build's tests.
/// </summary>
public sealed class DependencyDirectionTests
{
    private static readonly Assembly Domain = typeof(Bar).Assembly;

    [Fact]
    public void Domain_references_only_the_base_library()
    {
        var referenced = Domain.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        var offending = referenced
            .Where(name => !(name.StartsWith("System", StringComparison.Ordinal) || name == "netstandard" || name == "mscorlib"))
            .ToList();

        Assert.True(offending.Count == 0, $"the domain references {string.Join(", ", offending)}");
    }

    [Theory]
    [InlineData("System.Net.Http")]
    [InlineData("System.Net.Sockets")]
    [InlineData("Microsoft.AspNetCore")]
    public void Domain_does_no_network_io(string forbidden)
    {
        var referenced = Domain.GetReferencedAssemblies().Select(a => a.Name!);
        Assert.DoesNotContain(referenced, name => name.StartsWith(forbidden, StringComparison.Ordinal));
    }

    [Fact]
    public void Domain_holds_no_static_mutable_state()
    {
        var offending = Domain.GetTypes()
            .Where(t => !t.Name.Contains('<', StringComparison.Ordinal))
            .SelectMany(t => t.GetFields(BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly)
                .Where(f => !f.IsLiteral && !f.IsInitOnly && !f.Name.Contains('<', StringComparison.Ordinal))
                .Select(f => $"{t.FullName}.{f.Name}"))
            .ToList();

        Assert.True(offending.Count == 0, $"static mutable fields in the domain: {string.Join(", ", offending)}");
    }
}
