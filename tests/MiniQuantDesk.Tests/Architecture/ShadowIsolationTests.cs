using System.Reflection;
using MiniQuantDesk.Adapters.Ml;
using MiniQuantDesk.Domain.MarketData;
using MiniQuantDesk.Functions.Hosting;

namespace MiniQuantDesk.Tests.Architecture;

/// <summary>
/// Zero live impact, enforced on the compiled code: nothing on the order path mentions a shadow-ML type, in a
/// signature or in a method body. The one door is EvaluateStrategies' <c>IShadowPredictor</c>, an interface
/// of its own namespace that the composition root binds to the ML implementation.
/// </summary>
public sealed class ShadowIsolationTests
{
    private static readonly string[] OrderPathDomain = ["Orders", "Risk", "Portfolio", "Strategies", "Accounting"];
    private static readonly string[] OrderPathFunctions = ["PlaceOrder", "TrackOrder", "Orders", "EvaluateStrategies"];
    private static readonly string[] MlNamespaces = ["MiniQuantDesk.Domain.Ml", "MiniQuantDesk.Adapters.Ml", "MiniQuantDesk.Functions.Ml"];

    private static readonly Assembly Domain = typeof(Bar).Assembly;
    private static readonly Assembly Functions = typeof(DeskServices).Assembly;

    public static TheoryData<string> OrderPath() => [.. OrderPathDomain.Select(n => "MiniQuantDesk.Domain." + n), .. OrderPathFunctions.Select(n => "MiniQuantDesk.Functions." + n)];

    [Theory]
    [MemberData(nameof(OrderPath))]
    public void Nothing_on_the_order_path_references_the_ml_code(string ns)
    {
        var types = TypesIn(ns.StartsWith("MiniQuantDesk.Domain", StringComparison.Ordinal) ? Domain : Functions, ns);
        Assert.NotEmpty(types);

        var offending = types
            .SelectMany(t => IlReferences.Of(t).Where(IsMl).Select(r => $"{t.FullName} → {r.FullName}"))
            .Distinct()
            .ToList();

        Assert.True(offending.Count == 0, "the order path references shadow ML:\n" + string.Join("\n", offending));
    }

    [Fact]
    public void The_scan_sees_references_in_method_bodies_and_signatures()
    {
        // Positive controls, so the test above cannot pass by seeing nothing: the composition root calls
        // ShadowMode.Add inside a method body, and the predictor's signatures name domain ML types.
        Assert.Contains(IlReferences.Of(typeof(DeskServices)), t => t.FullName == "MiniQuantDesk.Functions.Ml.ShadowMode");
        var predictor = TypesIn(Functions, "MiniQuantDesk.Functions.Ml").SelectMany(IlReferences.Of).ToHashSet();
        Assert.Contains(predictor, t => t.Namespace == "MiniQuantDesk.Domain.Ml");
        Assert.Contains(predictor, t => t == typeof(PredictionStore));
        Assert.Contains(predictor, t => t.FullName == "MiniQuantDesk.Functions.EvaluateStrategies.IShadowPredictor");
    }

    [Fact]
    public void EvaluateStrategies_reaches_shadow_mode_only_through_its_own_interface()
    {
        var references = TypesIn(Functions, "MiniQuantDesk.Functions.EvaluateStrategies").SelectMany(IlReferences.Of).ToHashSet();
        Assert.Contains(references, t => t.FullName == "MiniQuantDesk.Functions.EvaluateStrategies.IShadowPredictor");
        Assert.DoesNotContain(references, t => t.Assembly.GetName().Name!.StartsWith("Microsoft.ML", StringComparison.Ordinal));
    }

    private static List<Type> TypesIn(Assembly assembly, string ns) =>
        [.. assembly.GetTypes().Where(t => t.Namespace is { } n && (n == ns || n.StartsWith(ns + ".", StringComparison.Ordinal)))];

    private static bool IsMl(Type type) =>
        (type.Namespace is { } n && MlNamespaces.Any(ml => n == ml || n.StartsWith(ml + ".", StringComparison.Ordinal)))
        || type.Assembly.GetName().Name!.StartsWith("Microsoft.ML", StringComparison.Ordinal);
}
