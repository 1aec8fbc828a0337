using System.Net;
using System.Net.Sockets;
using System.Text;
using MiniQuantDesk.Functions.Chaos;

namespace MiniQuantDesk.Tests.Functions.Chaos;

/// <summary>
/// The campaign's storage network: bytes pass both ways untouched; a cut resets every open connection (the peer
/// sees a reset, not an orderly end) and refuses new ones until it heals; then traffic flows again.
/// </summary>
public sealed class StorageLinkTests
{
    [Fact]
    public async Task Bytes_pass_a_cut_resets_open_connections_refuses_new_ones_and_then_heals()
    {
        using var echo = new EchoServer();
        await using var link = StorageLink.Start(echo.Port);
        var port = link.PortFor(echo.Port);

        using (var first = await ConnectAsync(port))
        {
            Assert.Equal("hello", await RoundTripAsync(first, "hello"));
            Assert.Equal(new string('x', 100_000), await RoundTripAsync(first, new string('x', 100_000)));

            Assert.Equal(1, link.Cut(TimeSpan.FromSeconds(2)));
            await Assert.ThrowsAnyAsync<Exception>(async () => await RoundTripAsync(first, "after the cut"));
        }

        using (var during = await ConnectAsync(port))
        {
            // The relay accepts, sees the cut and resets: the first read fails or ends.
            await Assert.ThrowsAnyAsync<Exception>(async () => await RoundTripAsync(during, "while cut"));
        }

        await Task.Delay(2200);
        using var healed = await ConnectAsync(port);
        Assert.Equal("healed", await RoundTripAsync(healed, "healed"));
        Assert.Equal(1, link.Cuts);
        Assert.Equal(1, link.Severed);
        Assert.True(link.Refused >= 1, $"{link.Refused} refused");
    }

    [Fact]
    public async Task An_upstream_that_is_down_looks_like_a_reset_to_the_client()
    {
        int closedPort;
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            closedPort = ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        await using var link = StorageLink.Start(closedPort);

        // The reset can come so fast that the connect itself sees it, or only the first round trip does: both are
        // what a client of a cut link sees.
        await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            using var client = await ConnectAsync(link.PortFor(closedPort));
            await RoundTripAsync(client, "anyone?");
        });
        Assert.Equal(0, link.Cuts);
    }

    private static async Task<TcpClient> ConnectAsync(int port)
    {
        var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, port);
        return client;
    }

    /// <summary>Sends a line and reads the echo; an ended stream counts as a failure, like a reset.</summary>
    private static async Task<string> RoundTripAsync(TcpClient client, string text)
    {
        var stream = client.GetStream();
        var bytes = Encoding.ASCII.GetBytes(text);
        await stream.WriteAsync(bytes);
        var buffer = new byte[bytes.Length];
        var read = 0;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        while (read < buffer.Length)
        {
            var n = await stream.ReadAsync(buffer.AsMemory(read), timeout.Token);
            if (n == 0)
            {
                throw new IOException("the connection ended");
            }

            read += n;
        }

        return Encoding.ASCII.GetString(buffer);
    }

    private sealed class EchoServer : IDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);

        public EchoServer()
        {
            _listener.Start();
            _ = AcceptAsync();
        }

        public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

        private async Task AcceptAsync()
        {
            while (true)
            {
                TcpClient client;
                try
                {
                    client = await _listener.AcceptTcpClientAsync();
                }
                catch (Exception ex) when (ex is ObjectDisposedException or SocketException or InvalidOperationException)
                {
                    return;
                }

                _ = Task.Run(async () =>
                {
                    using (client)
                    {
                        try
                        {
                            await client.GetStream().CopyToAsync(client.GetStream());
                        }
                        catch (Exception ex) when (ex is IOException or ObjectDisposedException)
                        {
                        }
                    }
                });
            }
        }

        public void Dispose() => _listener.Stop();
    }
}
