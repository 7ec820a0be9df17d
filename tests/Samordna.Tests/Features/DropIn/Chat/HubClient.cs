using System.Collections.Concurrent;
using System.Globalization;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.TestHost;

namespace Samordna.Tests.Features.DropIn.Chat;

/// <summary>A hub refused an invocation; <see cref="Exception.Message"/> is the error the server sent.</summary>
public sealed class HubCallException(string message) : Exception(message);

/// <summary>
/// A small SignalR client speaking the JSON hub protocol over the test server's WebSocket (the .NET SignalR client is
/// not in the registry here): handshake <c>{"protocol":"json","version":1}</c>, records ended by 0x1E, invocations
/// (type 1 with an invocationId), completions (type 3), events (type 1 without one), pings (6) and close (7).
/// </summary>
public sealed class HubClient : IAsyncDisposable
{
    public const char RecordSeparator = '\u001e';
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly WebSocket socket;
    private readonly SemaphoreSlim sending = new(1, 1);
    private readonly ConcurrentDictionary<string, TaskCompletionSource<JsonElement>> pending = new();
    private readonly List<(string Target, JsonElement[] Arguments)> events = [];
    private readonly Lock gate = new();
    private readonly TaskCompletionSource closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource stop = new();
    private TaskCompletionSource arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int nextId;
    private Task reading = Task.CompletedTask;

    private HubClient(WebSocket socket) => this.socket = socket;

    /// <summary>Completes when the server closes the connection (or it breaks).</summary>
    public Task Closed => closed.Task;

    /// <summary>Opens the WebSocket with the given cookie and Origin headers and completes the handshake.</summary>
    public static async Task<HubClient> ConnectAsync(TestServer server, string? cookie, string? origin = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(server);
        var client = server.CreateWebSocketClient();
        client.ConfigureRequest = request =>
        {
            if (cookie is not null)
            {
                request.Headers.Cookie = cookie;
            }
            if (origin is not null)
            {
                request.Headers.Origin = origin;
            }
        };
        var socket = await client.ConnectAsync(new Uri("ws://localhost/hubs/motesplats"), cancellationToken);
        var hub = new HubClient(socket);
        await hub.SendRecordAsync("""{"protocol":"json","version":1}""");
        var buffer = new StringBuilder();
        var handshake = await hub.ReadRecordAsync(buffer, cancellationToken)
            ?? throw new InvalidOperationException("The server closed the connection during the handshake.");
        using (var answer = JsonDocument.Parse(handshake))
        {
            if (answer.RootElement.TryGetProperty("error", out var error))
            {
                throw new HubCallException(error.GetString() ?? "handshake refused");
            }
        }
        hub.reading = Task.Run(() => hub.ReadLoopAsync(buffer), CancellationToken.None);
        return hub;
    }

    public async Task<JsonElement> InvokeAsync(string target, params object?[] arguments)
    {
        var id = Interlocked.Increment(ref nextId).ToString(CultureInfo.InvariantCulture);
        var completion = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        pending[id] = completion;
        await SendRecordAsync(JsonSerializer.Serialize(new { type = 1, invocationId = id, target, arguments }, Json));
        var result = await completion.Task.WaitAsync(TimeSpan.FromSeconds(30));
        if (result.TryGetProperty("error", out var error))
        {
            throw new HubCallException(error.GetString() ?? "");
        }
        return result.TryGetProperty("result", out var value) ? value.Clone() : default;
    }

    public async Task<T> InvokeAsync<T>(string target, params object?[] arguments) =>
        (await InvokeAsync(target, arguments)).Deserialize<T>(Json)!;

    /// <summary>Waits for (and consumes) the first event named <paramref name="target"/> whose first argument matches.</summary>
    public async Task<T> NextAsync<T>(string target, Func<T, bool>? where = null, TimeSpan? timeout = null)
    {
        var deadline = TimeProvider.System.GetUtcNow().Add(timeout ?? TimeSpan.FromSeconds(10)); // Real time: the test clock does not move by itself.
        while (true)
        {
            Task wait;
            lock (gate)
            {
                for (var i = 0; i < events.Count; i++)
                {
                    if (events[i].Target != target)
                    {
                        continue;
                    }
                    var value = events[i].Arguments[0].Deserialize<T>(Json)!;
                    if (where is null || where(value))
                    {
                        events.RemoveAt(i);
                        return value;
                    }
                }
                wait = arrived.Task;
            }
            var left = deadline - TimeProvider.System.GetUtcNow();
            if (left <= TimeSpan.Zero)
            {
                throw new TimeoutException($"No '{target}' event arrived in time.");
            }
            try
            {
                await wait.WaitAsync(left);
            }
            catch (TimeoutException)
            {
                throw new TimeoutException($"No '{target}' event arrived in time.");
            }
        }
    }

    /// <summary>The events named <paramref name="target"/> received and not yet consumed.</summary>
    public IReadOnlyList<T> Received<T>(string target)
    {
        lock (gate)
        {
            return events.Where(e => e.Target == target).Select(e => e.Arguments[0].Deserialize<T>(Json)!).ToList();
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (socket.State == WebSocketState.Open)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", timeout.Token);
            }
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException or IOException or InvalidOperationException)
        {
            // Already gone.
        }
        await stop.CancelAsync();
        try
        {
            await reading.WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (Exception exception) when (exception is TimeoutException or OperationCanceledException)
        {
            // The read loop ends with the socket.
        }
        socket.Dispose();
        sending.Dispose();
        stop.Dispose();
    }

    private async Task SendRecordAsync(string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json + RecordSeparator);
        await sending.WaitAsync();
        try
        {
            await socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
        }
        finally
        {
            sending.Release();
        }
    }

    private async Task ReadLoopAsync(StringBuilder buffer)
    {
        try
        {
            while (await ReadRecordAsync(buffer, stop.Token) is { } record)
            {
                Dispatch(record);
            }
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException or IOException or ObjectDisposedException)
        {
            // The connection ended.
        }
        finally
        {
            foreach (var (_, completion) in pending)
            {
                completion.TrySetException(new HubCallException("The connection closed."));
            }
            closed.TrySetResult();
        }
    }

    private void Dispatch(string record)
    {
        using var document = JsonDocument.Parse(record);
        var root = document.RootElement;
        switch (root.GetProperty("type").GetInt32())
        {
            case 1 when !root.TryGetProperty("invocationId", out _):
                var target = root.GetProperty("target").GetString()!;
                var arguments = root.GetProperty("arguments").EnumerateArray().Select(a => a.Clone()).ToArray();
                lock (gate)
                {
                    events.Add((target, arguments));
                    var previous = arrived;
                    arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                    previous.TrySetResult();
                }
                break;
            case 3:
                var id = root.GetProperty("invocationId").GetString()!;
                if (pending.TryRemove(id, out var completion))
                {
                    completion.TrySetResult(root.Clone());
                }
                break;
            case 7:
                closed.TrySetResult();
                break;
            default:
                // 6: ping.
                break;
        }
    }

    /// <summary>The next complete record (text up to 0x1E), or null when the socket closed.</summary>
    private async Task<string?> ReadRecordAsync(StringBuilder buffer, CancellationToken cancellationToken)
    {
        var chunk = new byte[8192];
        while (true)
        {
            var text = buffer.ToString();
            var end = text.IndexOf(RecordSeparator, StringComparison.Ordinal);
            if (end >= 0)
            {
                buffer.Remove(0, end + 1);
                return text[..end];
            }
            var bytes = new List<byte>();
            WebSocketReceiveResult result;
            do
            {
                result = await socket.ReceiveAsync(chunk, cancellationToken);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return null;
                }
                bytes.AddRange(chunk.AsSpan(0, result.Count));
            }
            while (!result.EndOfMessage);
            buffer.Append(Encoding.UTF8.GetString([.. bytes]));
        }
    }
}
