using System.Text;
using System.Text.Json;

namespace MiniQuantDesk.Functions.Hosting.Invocation;

/// <summary>
/// An HTTP request as a function sees it, whether the host forwarded the raw request or wrapped it in
/// the invocation envelope. Forwarded requests keep their exact bytes (Discord's signature needs them).
/// </summary>
public sealed record HttpRequestData(
    string Method,
    string Path,
    IReadOnlyDictionary<string, string> Query,
    IReadOnlyDictionary<string, string> Headers,
    byte[] Body)
{
    public string BodyText => Encoding.UTF8.GetString(Body);

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    public static async Task<HttpRequestData> FromHttpContextAsync(Microsoft.AspNetCore.Http.HttpContext http, int maxBodyBytes, CancellationToken ct)
    {
        var request = http.Request;
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > maxBodyBytes)
            {
                throw new InvalidInvocationException($"request body is larger than {maxBodyBytes} bytes");
            }

            buffer.Write(chunk, 0, read);
        }

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in request.Headers)
        {
            headers[header.Key] = header.Value.ToString();
        }

        var query = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in request.Query)
        {
            query[pair.Key] = pair.Value.ToString();
        }

        return new HttpRequestData(request.Method, request.Path.Value ?? "/", query, headers, buffer.ToArray());
    }

    /// <summary>Reads the non-forwarded shape: <c>Data.req = {Url, Method, Query, Headers: {name: [values]}, Body}</c>.</summary>
    public static HttpRequestData FromEnvelope(InvocationRequest request, string bindingName)
    {
        if (!request.Data.TryGetValue(bindingName, out var req) || req.ValueKind != JsonValueKind.Object)
        {
            throw new InvalidInvocationException($"http invocation has no '{bindingName}' object in Data");
        }

        string method = "GET", path = "/";
        var query = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var body = Array.Empty<byte>();
        foreach (var property in req.EnumerateObject())
        {
            switch (property.Name.ToLowerInvariant())
            {
                case "method":
                    method = InvocationValue.AsString(property.Value) ?? "GET";
                    break;
                case "url":
                    path = Uri.TryCreate(InvocationValue.AsString(property.Value), UriKind.Absolute, out var url) ? url.AbsolutePath : "/";
                    break;
                case "query" when property.Value.ValueKind == JsonValueKind.Object:
                    foreach (var q in property.Value.EnumerateObject())
                    {
                        query[q.Name] = InvocationValue.AsString(q.Value) ?? string.Empty;
                    }

                    break;
                case "headers" when property.Value.ValueKind == JsonValueKind.Object:
                    foreach (var h in property.Value.EnumerateObject())
                    {
                        headers[h.Name] = h.Value.ValueKind == JsonValueKind.Array
                            ? string.Join(",", h.Value.EnumerateArray().Select(v => InvocationValue.AsString(v)))
                            : InvocationValue.AsString(h.Value) ?? string.Empty;
                    }

                    break;
                case "body":
                    body = property.Value.ValueKind == JsonValueKind.String
                        ? Encoding.UTF8.GetBytes(property.Value.GetString()!)
                        : Encoding.UTF8.GetBytes(property.Value.GetRawText());
                    break;
            }
        }

        return new HttpRequestData(method.ToUpperInvariant(), path, query, headers, body);
    }
}
