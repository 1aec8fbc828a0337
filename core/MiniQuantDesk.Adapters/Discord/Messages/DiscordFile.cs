namespace MiniQuantDesk.Adapters.Discord.Messages;

/// <summary>A file sent with a message (multipart part <c>files[0]</c>); an embed shows it as <see cref="AttachmentUrl"/>.</summary>
public sealed record DiscordFile(string FileName, string ContentType, ReadOnlyMemory<byte> Content, string? Description = null)
{
    public string AttachmentUrl => "attachment://" + FileName;

    public static DiscordFile Png(string fileName, ReadOnlyMemory<byte> content, string? description = null) =>
        new(fileName, "image/png", content, description);
}
