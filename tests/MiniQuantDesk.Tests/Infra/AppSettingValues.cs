using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace MiniQuantDesk.Tests.Infra;

/// <summary>
/// Evaluates the few ARM expression shapes azure.bicep uses for app settings, with the template's parameter
/// defaults and a chosen trading mode, the way ARM would at deployment. Key Vault references evaluate to a
/// stand-in for the resolved secret. An unknown shape fails loudly so the evaluator never guesses.
/// </summary>
public static partial class AppSettingValues
{
    public const string ResolvedSecret = "resolved-secret-value";

    public static Dictionary<string, string> Evaluate(ArmTemplate root, JsonObject settings, string tradingMode) =>
        settings.ToDictionary(p => p.Key, p => Evaluate(root, (string)p.Value!, tradingMode));

    public static string Evaluate(ArmTemplate root, string value, string tradingMode)
    {
        if (!value.StartsWith('['))
        {
            return value;
        }

        if (value.Contains("@Microsoft.KeyVault(", StringComparison.Ordinal))
        {
            return ResolvedSecret;
        }

        if (Parameter().Match(value) is { Success: true } p)
        {
            return Scalar(root.ParameterDefault(p.Groups[1].Value)!);
        }

        if (StringOf().Match(value) is { Success: true } s)
        {
            return Scalar(root.ParameterDefault(s.Groups[1].Value)!);
        }

        if (Join().Match(value) is { Success: true } j)
        {
            return string.Join(j.Groups[2].Value, root.StringListDefault(j.Groups[1].Value));
        }

        if (IfLive().Match(value) is { Success: true } i)
        {
            return tradingMode == "live" ? i.Groups[1].Value : i.Groups[2].Value;
        }

        throw new NotSupportedException($"the test's evaluator does not know the expression {value}; add its shape to AppSettingValues");
    }

    private static string Scalar(JsonNode node) => node.GetValueKind() switch
    {
        System.Text.Json.JsonValueKind.String => node.GetValue<string>(),
        System.Text.Json.JsonValueKind.Number => node.ToJsonString(),
        System.Text.Json.JsonValueKind.True => "True",
        System.Text.Json.JsonValueKind.False => "False",
        _ => throw new NotSupportedException("not a scalar: " + node.ToJsonString()),
    };

    [GeneratedRegex(@"^\[parameters\('([^']+)'\)\]$")]
    private static partial Regex Parameter();

    [GeneratedRegex(@"^\[string\(parameters\('([^']+)'\)\)\]$")]
    private static partial Regex StringOf();

    [GeneratedRegex(@"^\[join\(parameters\('([^']+)'\), '([^']*)'\)\]$")]
    private static partial Regex Join();

    [GeneratedRegex(@"^\[if\(variables\('isLive'\), '([^']*)', '([^']*)'\)\]$")]
    private static partial Regex IfLive();
}
