using System.Globalization;
using System.Text.Json;
using MiniQuantDesk.Adapters.Discord.Commands;

namespace MiniQuantDesk.Adapters.Discord.Interactions;

/// <summary>
/// Reads an interaction body (already signature-checked) into an <see cref="Interaction"/>. Any body that is not
/// JSON, or lacks a field the desk needs, or has it with the wrong JSON type, gives an error naming the field;
/// nothing here throws for what a caller sends.
/// </summary>
public static class InteractionParser
{
    private const int MaxDepth = 16;

    public static InteractionParseResult Parse(ReadOnlyMemory<byte> body)
    {
        try
        {
            using var document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = MaxDepth });
            var parsed = Parse(document.RootElement);
            return parsed.Interaction is { } interaction ? InteractionParseResult.Ok(interaction with { Body = body }) : parsed;
        }
        catch (JsonException ex)
        {
            return InteractionParseResult.Invalid($"the body is not JSON: {ex.Message}");
        }
        catch (MalformedField ex)
        {
            return InteractionParseResult.Invalid(ex.Message);
        }
    }

    private static InteractionParseResult Parse(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return InteractionParseResult.Invalid("the body is not a JSON object");
        }

        var typeNumber = RequiredInt(root, "type");
        if (!Enum.IsDefined((InteractionType)typeNumber))
        {
            return InteractionParseResult.Invalid($"type {typeNumber.ToString(CultureInfo.InvariantCulture)} is not a known interaction type");
        }

        var type = (InteractionType)typeNumber;
        var id = RequiredString(root, "id");
        var applicationId = RequiredString(root, "application_id");
        var token = RequiredString(root, "token");
        var userId = OptionalString(Child(Child(root, "member"), "user"), "id", "member.user.id")
                     ?? OptionalString(Child(root, "user"), "id", "user.id");
        var data = Child(root, "data");

        CommandInvocation? command = null;
        ComponentClick? component = null;
        if (type == InteractionType.ApplicationCommand)
        {
            command = ReadCommand(data ?? throw new MalformedField("data is missing from an APPLICATION_COMMAND"));
        }
        else if (type == InteractionType.MessageComponent)
        {
            var d = data ?? throw new MalformedField("data is missing from a MESSAGE_COMPONENT");
            component = new ComponentClick(
                RequiredString(d, "custom_id", "data.custom_id"),
                OptionalInt(d, "component_type") ?? 0,
                OptionalString(Child(root, "message"), "id", "message.id"));
        }

        return InteractionParseResult.Ok(new Interaction(
            type, id, applicationId, token, userId,
            OptionalString(root, "guild_id"), OptionalString(root, "channel_id"),
            command, component));
    }

    private static CommandInvocation ReadCommand(JsonElement data)
    {
        var name = RequiredString(data, "name", "data.name");
        var options = ReadOptions(data, "data.options");
        if (options.Count == 1 && options[0].Type == CommandOptionType.SubCommand)
        {
            return new CommandInvocation(name, options[0].Name, options[0].Children);
        }

        if (options.Count == 1 && options[0].Type == CommandOptionType.SubCommandGroup
            && options[0].Nested is [{ Type: CommandOptionType.SubCommand } sub])
        {
            return new CommandInvocation(name, options[0].Name + " " + sub.Name, sub.Children);
        }

        return new CommandInvocation(name, null, options.Select(o => o.Leaf).ToList());
    }

    private static List<RawOption> ReadOptions(JsonElement parent, string path)
    {
        var list = new List<RawOption>();
        if (!parent.TryGetProperty("options", out var options) || options.ValueKind == JsonValueKind.Null)
        {
            return list;
        }

        if (options.ValueKind != JsonValueKind.Array)
        {
            throw new MalformedField($"{path} is not an array");
        }

        var index = 0;
        foreach (var option in options.EnumerateArray())
        {
            var at = $"{path}[{index.ToString(CultureInfo.InvariantCulture)}]";
            if (option.ValueKind != JsonValueKind.Object)
            {
                throw new MalformedField($"{at} is not an object");
            }

            var optionName = RequiredString(option, "name", at + ".name");
            var optionType = (CommandOptionType)RequiredInt(option, "type", at + ".type");
            var nested = optionType is CommandOptionType.SubCommand or CommandOptionType.SubCommandGroup
                ? ReadOptions(option, at + ".options")
                : [];
            var value = option.TryGetProperty("value", out var v) ? ValueText(v, at + ".value") : "";
            list.Add(new RawOption(optionName, optionType, value, nested));
            index++;
        }

        return list;
    }

    private static string ValueText(JsonElement value, string path) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => throw new MalformedField($"{path} is not a string, number or boolean"),
    };

    private static JsonElement? Child(JsonElement? parent, string name) =>
        parent is { ValueKind: JsonValueKind.Object } p && p.TryGetProperty(name, out var child) && child.ValueKind == JsonValueKind.Object
            ? child
            : null;

    private static string RequiredString(JsonElement parent, string name, string? path = null) =>
        OptionalString(parent, name, path) ?? throw new MalformedField($"{path ?? name} is missing");

    private static string? OptionalString(JsonElement? parent, string name, string? path = null)
    {
        if (parent is not { ValueKind: JsonValueKind.Object } p || !p.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : throw new MalformedField($"{path ?? name} is not a string");
    }

    private static int RequiredInt(JsonElement parent, string name, string? path = null) =>
        OptionalInt(parent, name, path) ?? throw new MalformedField($"{path ?? name} is missing");

    private static int? OptionalInt(JsonElement parent, string name, string? path = null)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number)
            ? number
            : throw new MalformedField($"{path ?? name} is not a whole number");
    }

    private sealed record RawOption(string Name, CommandOptionType Type, string Value, List<RawOption> Nested)
    {
        public CommandOption Leaf => new(Name, Type, Value);

        public IReadOnlyList<CommandOption> Children => Nested.Select(n => n.Leaf).ToList();
    }

    /// <summary>Internal control flow only: caught in <see cref="Parse(ReadOnlyMemory{byte})"/>, never escapes.</summary>
    private sealed class MalformedField(string message) : Exception(message);
}
