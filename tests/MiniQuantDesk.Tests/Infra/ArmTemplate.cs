using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace MiniQuantDesk.Tests.Infra;

/// <summary>
/// Read access to a compiled ARM template: parameter defaults, variables, resources and the nested
/// templates of its modules (Bicep inlines each module as a Microsoft.Resources/deployments resource).
/// </summary>
public sealed partial class ArmTemplate(JsonObject json)
{
    public JsonObject Json { get; } = json;

    public JsonObject Variables => Json["variables"]?.AsObject() ?? [];

    // languageVersion 2.0 templates (Bicep emits one when types or `existing` need it) key resources by symbolic name.
    public IEnumerable<JsonObject> Resources => Json["resources"] switch
    {
        JsonArray list => list.Select(r => r!.AsObject()),
        JsonObject named => named.Select(p => p.Value!.AsObject()),
        _ => [],
    };

    public JsonNode? ParameterDefault(string name) =>
        Json["parameters"]?[name]?["defaultValue"] ?? throw new InvalidOperationException($"parameter '{name}' has no default");

    public IReadOnlyList<string> StringListDefault(string name) =>
        ParameterDefault(name)!.AsArray().Select(n => n!.GetValue<string>()).ToList();

    public IEnumerable<JsonObject> ResourcesOfType(string type) =>
        Resources.Where(r => string.Equals((string?)r["type"], type, StringComparison.OrdinalIgnoreCase));

    /// <summary>The module deployed under <paramref name="deploymentName"/>, with the parameters the parent passes it.</summary>
    public (ArmTemplate Template, JsonObject Parameters) Module(string deploymentName)
    {
        var deployment = ResourcesOfType("Microsoft.Resources/deployments").Single(r => (string?)r["name"] == deploymentName);
        return (new ArmTemplate(deployment["properties"]!["template"]!.AsObject()), deployment["properties"]!["parameters"]!.AsObject());
    }

    /// <summary>Resolves <c>[variables('x')]</c> to the variable's value; anything else is returned as written.</summary>
    public string ResolveVariable(string expression)
    {
        var match = VariableReference().Match(expression);
        return match.Success ? (string)Variables[match.Groups[1].Value]! : expression;
    }

    /// <summary>
    /// The name expression of the resource an expression's <c>reference(...)</c> points at: a symbolic name in
    /// languageVersion 2.0 templates, a <c>resourceId(...)</c> in older ones.
    /// </summary>
    public string ReferencedResourceName(string expression)
    {
        var symbolic = SymbolicReference().Match(expression);
        if (symbolic.Success && Json["resources"] is JsonObject named && named[symbolic.Groups[1].Value] is JsonObject resource)
        {
            return (string)resource["name"]!;
        }

        var byId = ResourceIdReference().Match(expression);
        return byId.Success ? "[" + byId.Groups[1].Value + "]" : throw new InvalidOperationException("no reference(...) in " + expression);
    }

    [GeneratedRegex(@"^\[reference\('([A-Za-z0-9_]+)'\)")]
    private static partial Regex SymbolicReference();

    [GeneratedRegex(@"reference\(resourceId\('[^']+', (parameters\('[^']+'\))\)")]
    private static partial Regex ResourceIdReference();

    [GeneratedRegex(@"variables\('([^']+)'\)")]
    private static partial Regex VariableReference();
}
