using Microsoft.Extensions.DependencyInjection;
using MiniQuantDesk.Functions.Hosting.Functions;

namespace MiniQuantDesk.Functions.Dashboard;

/// <summary>The dashboard's part of the composition root.</summary>
public static class DashboardServices
{
    public static void Add(IServiceCollection services)
    {
        services.AddSingleton<IShadowScores, NoShadowScores>();
        services.AddSingleton<DeskHistory>();
        services.AddSingleton<DashboardReadModel>();
        services.AddSingleton<IDeskFunction, DashboardFunction>();
    }
}
