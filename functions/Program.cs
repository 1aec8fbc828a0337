return await MiniQuantDesk.Functions.Cli.DeskCommandLine.RunAsync(args);
