using System.Text.Json;

namespace MiniQuantDesk.Functions.Hosting.Invocation;

/// <summary>The timer trigger's value: whether this run is a catch-up, and the monitor's schedule status.</summary>
public sealed record TimerTrigger(bool IsPastDue, DateTimeOffset? Last, DateTimeOffset? Next)
{
    public static TimerTrigger From(InvocationRequest request, string bindingName)
    {
        if (!request.Data.TryGetValue(bindingName, out var timer) || timer.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidInvocationException($"timer invocation has no '{bindingName}' object in Data");
        }

        var pastDue = Property(timer, "IsPastDue") is { } p && (InvocationValue.AsBoolean(p) ?? false);
        DateTimeOffset? last = null, next = null;
        if (Property(timer, "ScheduleStatus") is { ValueKind: JsonValueKind.Object } status)
        {
            last = Property(status, "Last") is { } l ? InvocationValue.AsInstant(l) : null;
            next = Property(status, "Next") is { } n ? InvocationValue.AsInstant(n) : null;
        }

        return new TimerTrigger(pastDue, last, next);
    }

    private static JsonElement? Property(JsonElement obj, string name)
    {
        foreach (var property in obj.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return property.Value;
            }
        }

        return null;
    }
}
