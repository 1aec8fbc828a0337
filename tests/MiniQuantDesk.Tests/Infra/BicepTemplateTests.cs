using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using MiniQuantDesk.Adapters.Alpaca;
using MiniQuantDesk.Adapters.Storage;
using MiniQuantDesk.Domain.Risk;
using MiniQuantDesk.Tests.Support;

namespace MiniQuantDesk.Tests.Infra;

/// <summary>
/// What the Bicep compiler cannot check: that the template deploys the app the code expects — runtime,
/// every setting the handler binds, secrets only as Key Vault references, the queues and tables the
/// functions use, and a role for each thing the identity touches.
/// </summary>
public sealed partial class BicepTemplateTests(BicepBuild build) : IClassFixture<BicepBuild>
{
    private static readonly string Root = TestAppRoot.RepositoryRoot();

    private ArmTemplate Main => build.Template;

    private ArmTemplate App => Main.Module("functionapp").Template;

    private JsonObject DeskSettings => Main.Variables["deskSettings"]!.AsObject();

    private JsonObject PlatformSettings => App.Variables["platformSettings"]!.AsObject();

    private IEnumerable<string> FlexSettingNames => DeskSettings.Select(p => p.Key).Concat(PlatformSettings.Select(p => p.Key));

    [Fact]
    public void The_real_bicep_cli_compiles_and_lints_the_template_without_a_warning()
    {
        Assert.True(build.ExitCode == 0, build.Diagnostics);
        Assert.DoesNotMatch(": (Warning|Error) ", build.Diagnostics);
    }

    [Fact]
    public void The_flex_app_runs_the_custom_runtime_and_premium_gets_the_custom_worker_settings()
    {
        Assert.Equal("custom", Main.ParameterDefault("runtimeName")!.GetValue<string>());
        Assert.Equal("flex", Main.ParameterDefault("hostingPlan")!.GetValue<string>());
        var (_, parameters) = Main.Module("functionapp");
        Assert.Equal("[parameters('runtimeName')]", (string?)parameters["runtimeName"]!["value"]);
        var site = App.ResourcesOfType("Microsoft.Web/sites").Single();
        Assert.Contains("'runtime', createObject('name', parameters('runtimeName')", (string?)site["properties"]!["functionAppConfig"], StringComparison.Ordinal);

        var premium = App.Variables["premiumSettings"]!.AsObject();
        Assert.Equal("custom", (string?)premium["FUNCTIONS_WORKER_RUNTIME"]);
        Assert.Equal("~4", (string?)premium["FUNCTIONS_EXTENSION_VERSION"]);

        // Flex refuses these (custom-handler spec §10); they may only come with the premium plan.
        string[] refusedOnFlex = ["FUNCTIONS_WORKER_RUNTIME", "FUNCTIONS_EXTENSION_VERSION", "WEBSITE_RUN_FROM_PACKAGE", "WEBSITE_CONTENTAZUREFILECONNECTIONSTRING", "WEBSITE_CONTENTSHARE"];
        Assert.Empty(FlexSettingNames.Intersect(refusedOnFlex, StringComparer.OrdinalIgnoreCase));
    }

    [Fact]
    public void Every_setting_of_the_local_settings_example_is_an_app_setting()
    {
        var example = JsonNode.Parse(File.ReadAllText(Path.Combine(Root, "local.settings.json.example")))!["Values"]!.AsObject();
        var names = FlexSettingNames.ToHashSet(StringComparer.OrdinalIgnoreCase);

        foreach (var (key, _) in example)
        {
            switch (key)
            {
                case "FUNCTIONS_WORKER_RUNTIME": // Flex: functionAppConfig.runtime; premium: premiumSettings (test above)
                    break;
                case "AzureWebJobsStorage": // a connection string locally; by identity in Azure
                    Assert.Contains("AzureWebJobsStorage__accountName", names);
                    Assert.Contains("AzureWebJobsStorage__credential", names);
                    Assert.Contains("AzureWebJobsStorage__clientId", names);
                    break;
                default:
                    Assert.True(names.Contains(key), $"local.settings.json.example has {key}, the Azure app settings do not");
                    break;
            }
        }

        Assert.Equal("managedidentity", (string?)PlatformSettings["AzureWebJobsStorage__credential"]);
        Assert.DoesNotContain("AzureWebJobsStorage", names); // no connection string (it would hold an account key)
    }

    [Fact]
    public void Every_alpaca_and_risk_setting_names_a_property_the_options_bind()
    {
        var alpaca = typeof(AlpacaOptions).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite).Select(p => p.Name).ToHashSet();
        var risk = typeof(RiskOptions).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite).Select(p => p.Name).ToHashSet();

        foreach (var name in DeskSettings.Select(p => p.Key))
        {
            var parts = name.Split("__");
            if (parts[0] == AlpacaOptions.SectionName)
            {
                Assert.True(parts.Length == 2 && alpaca.Contains(parts[1]), $"{name} is not a property of AlpacaOptions (a typo is silently ignored)");
            }
            else if (parts[0] == RiskOptions.SectionName)
            {
                Assert.True(parts.Length == 2 && risk.Contains(parts[1]), $"{name} is not a property of RiskOptions (a typo is silently ignored)");
            }
        }

        string[] required = ["Risk__MaxPositionSizeUsd", "Risk__MaxPortfolioExposureUsd", "Risk__MaxDailyLossUsd", "Alpaca__Mode", "Alpaca__TradingBaseUrl"];
        Assert.All(required, r => Assert.Contains(r, DeskSettings.Select(p => p.Key)));
    }

    [Theory]
    [InlineData("paper", AlpacaMode.Paper, "https://paper-api.alpaca.markets/")]
    [InlineData("live", AlpacaMode.Live, "https://api.alpaca.markets/")]
    public void The_settings_the_template_deploys_are_accepted_by_the_handler_start_up(string tradingMode, AlpacaMode mode, string tradingUrl)
    {
        var values = AppSettingValues.Evaluate(Main, DeskSettings, tradingMode);
        values["AzureWebJobsStorage__accountName"] = "stmqdexample";
        values["AzureWebJobsStorage__clientId"] = "00000000-0000-0000-0000-000000000001";
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key.Replace("__", ":", StringComparison.Ordinal), (string?)v.Value)))
            .Build();

        var settings = MiniQuantDesk.Functions.Configuration.DeskSettings.Load(configuration);

        Assert.Equal(mode, settings.Alpaca.Mode);
        Assert.Equal(new Uri(tradingUrl), settings.Alpaca.TradingBaseUrl);
        Assert.Equal(new Uri(tradingUrl), settings.Broker.TradingBaseUrl);
        Assert.True(settings.Broker.HasKeys);
        Assert.Equal(["SPY", "QQQ", "AAPL"], settings.Desk.Symbols);
        Assert.Equal(10_000m, settings.Risk.MaxPositionSizeUsd);
        Assert.Equal(50_000m, settings.Risk.MaxPortfolioExposureUsd);
        Assert.Equal(1_000m, settings.Risk.MaxDailyLossUsd);
        Assert.Equal("account stmqdexample (managed identity)", settings.Storage.ToString());
    }

    [Fact]
    public void Secrets_are_key_vault_references_and_the_template_holds_no_key()
    {
        string[] secretSettings = ["Alpaca__KeyId", "Alpaca__SecretKey", "Discord__BotToken", "Discord__PublicKey",
            "Discord__Webhooks__Trading", "Discord__Webhooks__Risk", "Discord__Webhooks__Daily", "Discord__Webhooks__System"];
        foreach (var name in secretSettings)
        {
            var value = (string?)DeskSettings[name] ?? throw new Xunit.Sdk.XunitException($"{name} is missing");
            Assert.Matches(@"^\[format\('@Microsoft\.KeyVault\(SecretUri=\{0\}secrets/[a-z0-9-]+/\)', variables\('vaultUri'\)\)\]$", value);
        }

        // Anything that looks like a secret is a reference; nothing reads account keys.
        foreach (var (name, value) in DeskSettings)
        {
            if (SecretLooking().IsMatch(name))
            {
                Assert.Contains("@Microsoft.KeyVault(", (string?)value, StringComparison.Ordinal);
            }
        }

        var text = Main.Json.ToJsonString();
        Assert.DoesNotContain("listKeys", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("AccountKey=", text, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("[format('https://{0}{1}/', variables('keyVaultName'), environment().suffixes.keyvaultDns)]", (string?)Main.Variables["vaultUri"]);
        Assert.Equal("[parameters('identityId')]", (string?)App.ResourcesOfType("Microsoft.Web/sites").Single()["properties"]!["keyVaultReferenceIdentity"]);
    }

    [Fact]
    public void Deploy_sh_sets_exactly_the_secrets_the_template_references()
    {
        var referenced = DeskSettings.Select(p => SecretName().Match((string?)p.Value ?? "")).Where(m => m.Success).Select(m => m.Groups[1].Value).ToHashSet();
        var script = File.ReadAllText(Path.Combine(Root, "infra", "deploy.sh"));
        var block = script[script.IndexOf("SECRETS=(", StringComparison.Ordinal)..];
        block = block[..block.IndexOf(')', StringComparison.Ordinal)];
        var set = DeploySecret().Matches(block).Select(m => m.Groups[1].Value).ToHashSet();

        Assert.Equal(8, referenced.Count);
        Assert.Equal(referenced.Order(), set.Order());
    }

    [Fact]
    public void Every_queue_the_functions_use_exists_with_its_poison_twin()
    {
        var queues = Main.StringListDefault("queueNames");
        var fromFunctions = Directory.GetFiles(Path.Combine(Root, "functions"), "function.json", SearchOption.AllDirectories)
            .SelectMany(f => JsonNode.Parse(File.ReadAllText(f))!["bindings"]!.AsArray())
            .Where(b => (string?)b!["type"] is "queueTrigger" or "queue")
            .Select(b => (string)b!["queueName"]!)
            .Distinct()
            .ToList();

        Assert.NotEmpty(fromFunctions);
        Assert.All(fromFunctions.Concat(DeskQueues.All), q =>
        {
            Assert.Contains(q, queues);
            Assert.Contains(q + "-poison", queues);
        });

        var (storage, parameters) = Main.Module("storage");
        Assert.Equal("[parameters('queueNames')]", (string?)parameters["queueNames"]!["value"]);
        var queueResource = storage.ResourcesOfType("Microsoft.Storage/storageAccounts/queueServices/queues").Single();
        Assert.Equal("[length(parameters('queueNames'))]", (string?)queueResource["copy"]!["count"]);
    }

    [Fact]
    public void The_desk_tables_and_the_host_containers_exist()
    {
        var tables = Main.StringListDefault("tableNames");
        var deskTables = typeof(DeskTables).GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!);
        Assert.All(deskTables, t => Assert.Contains(t, tables));
        Assert.All(["deskstate", "orders", "positions", "txlog", "bars", "predictions"], t => Assert.Contains(t, tables));
        Assert.All(tables, t => Assert.Matches("^[A-Za-z][A-Za-z0-9]{2,62}$", t)); // Azure table-name rule

        var containers = Main.StringListDefault("containerNames");
        Assert.Contains("azure-webjobs-hosts", containers); // timer leases and schedule status (custom-handler spec §8)
        var (storage, parameters) = Main.Module("storage");
        Assert.Equal("[concat(createArray(variables('deploymentContainerName')), parameters('containerNames'))]", (string?)parameters["containerNames"]!["value"]);
        Assert.Single(storage.ResourcesOfType("Microsoft.Storage/storageAccounts/tableServices/tables"));
        Assert.Single(storage.ResourcesOfType("Microsoft.Storage/storageAccounts/blobServices/containers"));
        Assert.Contains("parameters('deploymentContainerName')", (string?)App.ResourcesOfType("Microsoft.Web/sites").Single()["properties"]!["functionAppConfig"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("storage", "Microsoft.Storage/storageAccounts", "b7e6dc6d-f1e8-4753-8033-0f276bb0955b")] // Storage Blob Data Owner
    [InlineData("storage", "Microsoft.Storage/storageAccounts", "974c5e8b-45b9-4653-ba55-5f855dd0fb88")] // Storage Queue Data Contributor
    [InlineData("storage", "Microsoft.Storage/storageAccounts", "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3")] // Storage Table Data Contributor
    [InlineData("keyvault", "Microsoft.KeyVault/vaults", "4633458b-17de-408a-b874-0445c86b69e6")] // Key Vault Secrets User
    public void The_app_identity_holds_each_role_it_needs_on_that_resource_only(string module, string scopeType, string roleId)
    {
        var (template, parameters) = Main.Module(module);
        var assignment = template.ResourcesOfType("Microsoft.Authorization/roleAssignments")
            .SingleOrDefault(r => template.ResolveVariable((string)r["properties"]!["roleDefinitionId"]!) == roleId);

        Assert.NotNull(assignment);
        Assert.Null(assignment["condition"]); // unconditional
        Assert.StartsWith($"[resourceId('{scopeType}', parameters('name'))]", (string?)assignment["scope"], StringComparison.Ordinal);
        Assert.Equal("[parameters('appIdentityName')]", template.ReferencedResourceName((string)assignment["properties"]!["principalId"]!));
        Assert.Equal("ServicePrincipal", (string?)assignment["properties"]!["principalType"]);
        // ... and that name is the identity the app runs as.
        Assert.Equal("[variables('identityName')]", (string?)parameters["appIdentityName"]!["value"]);
        Assert.Equal("[variables('identityName')]", (string?)Main.Module("identity").Parameters["name"]!["value"]);
    }

    [Fact]
    public void The_outputs_point_at_the_routes_the_functions_declare()
    {
        var outputs = Main.Json["outputs"]!.AsObject();
        string Route(string function) => (string)JsonNode.Parse(File.ReadAllText(Path.Combine(Root, "functions", function, "function.json")))!["bindings"]![0]!["route"]!;

        Assert.Equal("[format('https://{0}', reference('functionApp').outputs.defaultHostName.value)]", (string?)outputs["functionAppUrl"]!["value"]);
        Assert.Equal($"[format('https://{{0}}/api/{Route("DiscordInteractions")}', reference('functionApp').outputs.defaultHostName.value)]", (string?)outputs["interactionsEndpointUrl"]!["value"]);
        Assert.Equal($"[format('https://{{0}}/api/{Route("Health")}', reference('functionApp').outputs.defaultHostName.value)]", (string?)outputs["healthUrl"]!["value"]);
        var routePrefix = (string?)JsonNode.Parse(File.ReadAllText(Path.Combine(Root, "host.json")))!["extensions"]!["http"]!["routePrefix"];
        Assert.Equal("api", routePrefix);
    }

    [GeneratedRegex("KeyId|Secret|Token|PublicKey|Webhook|Password", RegexOptions.IgnoreCase)]
    private static partial Regex SecretLooking();

    [GeneratedRegex(@"secrets/([a-z0-9-]+)/")]
    private static partial Regex SecretName();

    [GeneratedRegex("\"([a-z0-9-]+)=[A-Z0-9_]+\"")]
    private static partial Regex DeploySecret();
}
