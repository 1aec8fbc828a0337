using System.Text;
using System.Text.Json;

namespace MiniQuantDesk.Functions.Hosting.Invocation;

/// <summary>What an HTTP function answers; written raw when forwarded, as the <c>res</c> output otherwise.</summary>
public sealed record HttpResponseData(int StatusCode, string ContentType, byte[] Body, IReadOnlyDictionary<string, string>? Headers = null)
{
    public string BodyText => Encoding.UTF8.GetString(Body);

    public static HttpResponseData Json(int statusCode, string json) =>
        new(statusCode, "application/json; charset=utf-8", Encoding.UTF8.GetBytes(json));

    public static HttpResponseData Json<T>(int statusCode, T value, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo) =>
        new(statusCode, "application/json; charset=utf-8", JsonSerializer.SerializeToUtf8Bytes(value, typeInfo));

    public static HttpResponseData Text(int statusCode, string text, string contentType = "text/plain; charset=utf-8") =>
        new(statusCode, contentType, Encoding.UTF8.GetBytes(text));
}
