using System.CommandLine;
using MiniQuantDesk.Functions.Configuration;
using MiniQuantDesk.Functions.Hosting;

namespace MiniQuantDesk.Functions.Cli;

/// <summary>
/// The one executable's verbs: <c>serve</c> is what the Functions host runs (host.json arguments);
/// <c>local</c> is our stand-in for <c>func start</c>; the rest are the trader's tools.
/// </summary>
public static class DeskCommandLine
{
    public static async Task<int> RunAsync(string[] args)
    {
        var root = new RootCommand("MiniQuantDesk: a serverless algorithmic trading desk");
        root.Add(ServeCommand());
        root.Add(LocalCommand.Create());
        root.Add(BenchCommand.Create());
        root.Add(BacktestCommand.Create());
        root.Add(ResearchCommand.Create());
        root.Add(RecordCommand.Create());
        root.Add(MlCommand.Create());
        root.Add(DiscordCommand.Create());
        root.Add(ChaosCommand.Create());
        root.Add(FuzzCommand.Create());
        return await root.Parse(args).InvokeAsync();
    }

    private static Command ServeCommand()
    {
        var serve = new Command("serve", "Run the custom handler (the Functions host starts this with FUNCTIONS_CUSTOMHANDLER_PORT set)");
        serve.SetAction(async (parse, ct) =>
        {
            try
            {
                var web = HandlerServer.Build([], AppContext.BaseDirectory);
                await web.RunAsync(ct);
                return 0;
            }
            catch (SettingsException ex)
            {
                await Console.Error.WriteLineAsync(ex.Message);
                return 78; // EX_CONFIG
            }
        });
        return serve;
    }
}
