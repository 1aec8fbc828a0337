namespace MiniQuantDesk.Functions.Cli;

public static class DeskCommandLine
{
    public static Task<int> RunAsync(string[] args)
    {
        Console.Error.WriteLine("not built yet");
        return Task.FromResult(args.Length == 0 ? 2 : 2);
    }
}
